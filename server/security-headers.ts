/**
 * Secure headers for every response, with a Content-Security-Policy the client
 * runs under: scripts, styles, fonts and connections from this origin only (the
 * WebSocket too), no framing, no plugins.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // React and ProseMirror set element styles through the CSSOM, which CSP allows;
      // 'unsafe-inline' covers the `style` attributes Tiptap's extensions render.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: 'same-origin',
  });
}
