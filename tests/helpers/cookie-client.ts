/**
 * An HTTP client that behaves like a browser where single sign-on needs it: it keeps
 * cookies (by name and path; every test server is on 127.0.0.1, and cookies ignore
 * the port, as in a browser) and follows redirects, turning a POST into a GET after
 * a 302 or 303.
 */

export interface FollowResult {
  /** The last address reached. */
  readonly url: string;
  /** Whether `stopAt` stopped the walk there (that address was not fetched). */
  readonly stopped: boolean;
  readonly status: number;
  readonly body: string;
}

interface StoredCookie {
  readonly value: string;
  readonly path: string;
}

const MAX_REDIRECTS = 20;

export class CookieJarClient {
  private readonly cookies = new Map<string, StoredCookie>();

  /** The value of a cookie the jar holds, or undefined. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name)?.value;
  }

  private cookieHeader(url: URL): string {
    return [...this.cookies]
      .filter(([, cookie]) => url.pathname.startsWith(cookie.path))
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }

  private keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals);
      const value = pair.slice(equals + 1);
      const attribute = (key: string) =>
        attributes.find((each) => each.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const expires = attribute('expires');
      const gone =
        attribute('max-age') === '0' ||
        (expires !== undefined && Date.parse(expires) <= Date.now()) ||
        value === '';
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, { value, path: attribute('path') ?? '/' });
    }
  }

  /** One request, no redirects followed, cookies sent and kept. */
  async request(
    url: string,
    init: {
      method?: string;
      json?: unknown;
      form?: URLSearchParams;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    const cookie = this.cookieHeader(new URL(url));
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = init.form.toString();
    }
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers,
      redirect: 'manual',
      ...(body === undefined ? {} : { body }),
    });
    this.keep(response);
    return response;
  }

  /** Requests `url` and follows its redirects, stopping before any address `stopAt` accepts. */
  async follow(
    url: string,
    init: { method?: string; form?: URLSearchParams; stopAt?: (url: URL) => boolean } = {},
  ): Promise<FollowResult> {
    let current = new URL(url);
    let method = init.method ?? 'GET';
    let form = init.form;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
      if (init.stopAt?.(current) && hop > 0) {
        return { url: current.href, stopped: true, status: 0, body: '' };
      }
      const response = await this.request(current.href, {
        method,
        ...(form ? { form } : {}),
      });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) {
        return {
          url: current.href,
          stopped: false,
          status: response.status,
          body: await response.text(),
        };
      }
      await response.arrayBuffer();
      current = new URL(location, current);
      if (response.status === 302 || response.status === 303) {
        method = 'GET';
        form = undefined;
      }
    }
    throw new Error(`more than ${MAX_REDIRECTS} redirects from ${url}`);
  }
}
