import { expect, it } from 'vitest';
import { MIGRATIONS } from '../../server/store/postgres/migrations';

it('numbers the PostgreSQL migrations 1, 2, 3, … with no gap and no repeat', () => {
  expect(MIGRATIONS.map((migration) => migration.version)).toEqual(
    MIGRATIONS.map((_, index) => index + 1),
  );
});
