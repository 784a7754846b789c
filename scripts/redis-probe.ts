/** Whether a Redis answers at a URL, for the test set-up to decide on: one PING over TCP. */
import net from 'node:net';

/** Null when Redis answered PONG; otherwise why not, in a few words. */
export function probeRedis(url: string, timeoutMs = 3_000): Promise<string | null> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve('not a URL');
  }
  return new Promise((resolve) => {
    const socket = net.connect(Number(target.port || 6379), target.hostname || '127.0.0.1');
    let answer = '';
    const done = (problem: string | null) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`));
    socket.on('error', (error) => done(error.message || error.name));
    socket.on('connect', () => {
      const password = decodeURIComponent(target.password);
      if (password) socket.write(`AUTH ${password}\r\n`);
      socket.write('PING\r\n');
    });
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.includes('+PONG')) done(null);
      else if (answer.startsWith('-')) done(answer.split('\r\n')[0] ?? 'refused');
    });
  });
}
