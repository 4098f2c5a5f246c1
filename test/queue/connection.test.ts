/** The Redis URL of --queue: checked before connecting, printed without its password. */
import { describe, expect, test } from 'vitest';
import { parseRedisUrl, QueueError, redactUrl } from '../../src/queue/connection.js';

describe('the --queue URL', () => {
  test('accepts redis:// and rediss:// with a host, port and database number', () => {
    expect(parseRedisUrl('redis://queuehost:6379/2').hostname).toBe('queuehost');
    expect(parseRedisUrl('rediss://:secret@queuehost:6380').port).toBe('6380');
  });

  test('refuses anything else with a line that shows the expected form', () => {
    expect(() => parseRedisUrl('queuehost:6379')).toThrow(QueueError);
    expect(() => parseRedisUrl('http://queuehost:6379')).toThrow(/--queue must be a Redis URL \(redis:\/\/host:6379\[\/db\]/);
    expect(() => parseRedisUrl('redis://queuehost:6379/first')).toThrow(/the database in "redis:\/\/queuehost:6379\/first" must be a number/);
  });

  test('never prints the password', () => {
    expect(redactUrl('redis://:s3cret@queuehost:6379/0')).toBe('redis://:***@queuehost:6379/0');
    expect(redactUrl('redis://worker:s3cret@queuehost:6379')).toBe('redis://worker:***@queuehost:6379');
    expect(redactUrl('redis://queuehost:6379')).toBe('redis://queuehost:6379');
  });
});
