import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('configuration from the environment', () => {
  it('has sensible defaults', () => {
    const config = loadConfig({}, '/srv/lab');
    expect(config).toMatchObject({
      port: 8787,
      dataDir: path.resolve('/srv/lab/data'),
      demo: true,
    });
  });

  it('stops on a bad value with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000', LOG_LEVEL: 'loud' })).toThrow(
      /PORT="70000"[\s\S]*LOG_LEVEL="loud"/,
    );
  });
});
