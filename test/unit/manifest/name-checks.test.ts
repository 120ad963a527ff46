import { describe, expect, it } from 'vitest';
import { checkNamesAndComment, MAX_COMMENT_BYTES, MAX_IDENTIFIER_BYTES } from '../../../src/manifest/name-checks.js';

const path = ['connections', 'x'];
const messages = (kind: 'secret' | 'connection', key: string, entry: Record<string, unknown> = {}) => checkNamesAndComment(kind, key, path, entry).map((p) => `${p.path.join('.')}: ${p.message}`);

/** Lengths are UTF-8 bytes, whatever the characters: one, two, three or four bytes each. */
describe('name and comment lengths', () => {
  it.each<[string, string, boolean]>([
    ['255 ASCII characters', 'a'.repeat(MAX_IDENTIFIER_BYTES), false],
    ['256 ASCII characters', 'a'.repeat(MAX_IDENTIFIER_BYTES + 1), true],
    ['127 two-byte characters (254 bytes)', 'é'.repeat(127), false],
    ['128 two-byte characters (256 bytes)', 'é'.repeat(128), true],
    ['85 three-byte characters (255 bytes)', '€'.repeat(85), false],
    ['86 three-byte characters (258 bytes)', '€'.repeat(86), true],
    ['63 four-byte characters (252 bytes)', '😀'.repeat(63), false],
    ['64 four-byte characters (256 bytes)', '😀'.repeat(64), true],
    ['84 three-byte characters and three ASCII (255 bytes)', `${'€'.repeat(84)}abc`, false],
  ])('a key of %s: refused %s', (_what, key, refused) => {
    expect(messages('connection', key).length > 0).toBe(refused);
    expect(messages('connection', 'k', { schema_name: key }).length > 0).toBe(refused);
    expect(messages('connection', 'k', { database_name: key }).length > 0).toBe(refused);
  });

  it.each<[string, 'secret' | 'connection', string, string[]]>([
    ['a connection comment of 1024 bytes', 'connection', 'é'.repeat(MAX_COMMENT_BYTES / 2), []],
    ['a connection comment of 1025 bytes', 'connection', `${'é'.repeat(MAX_COMMENT_BYTES / 2)}a`, ['connections.x.comment: comment is longer than 1024 bytes']],
    ['a connection comment of 342 three-byte characters (1026 bytes)', 'connection', '€'.repeat(342), ['connections.x.comment: comment is longer than 1024 bytes']],
    ['a secret comment that fits beside the fingerprint line', 'secret', 'a'.repeat(MAX_COMMENT_BYTES - 97), []],
    [
      'a secret comment one byte too long for the fingerprint line',
      'secret',
      'a'.repeat(MAX_COMMENT_BYTES - 96),
      ["connections.x.comment: comment is 928 bytes; a secret's comment may take 927: Materialize stores at most 1024 and mzform adds its 97-byte fingerprint line"],
    ],
    ['a short comment', 'secret', 'SASL password', []],
  ])('%s', (_what, kind, comment, expected) => {
    expect(messages(kind, 'k', { comment })).toEqual(expected);
  });
});
