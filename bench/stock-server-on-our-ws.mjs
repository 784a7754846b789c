/**
 * The stock server (`@y/websocket-server`'s `setupWSConnection`, in memory) on the
 * `ws` version ours pins, instead of the 6.2 its own `server.js` brings. Started
 * by the benchmark beside the stock program: the two differ only in the WebSocket
 * library, so ours against this one is the cost of our sync path alone, and the
 * stock program against this one is what the `ws` version alone changes.
 * Listens on HOST and PORT and logs its ready line as `server.js` does.
 */
import http from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';

const host = process.env.HOST ?? 'localhost';
const port = Number.parseInt(process.env.PORT ?? '1234', 10);
const sockets = new WebSocketServer({ noServer: true });
sockets.on('connection', setupWSConnection);

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('okay');
});
server.on('upgrade', (request, socket, head) => {
  sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
});
server.listen(port, host, () => {
  console.log(`running at '${host}' on port ${port}`);
});
