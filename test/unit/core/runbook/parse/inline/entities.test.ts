import { test } from 'node:test';
import assert from 'node:assert/strict';
import { characterEntities } from 'character-entities';
import { NAMED_ENTITIES } from '../../../../../../src/core/runbook/parse/inline/entityTable';
import { decodeReference, decodeString } from '../../../../../../src/core/runbook/parse/inline/decode';

test('the named references are exactly the ones micromark decodes (character-entities)', () => {
  assert.deepEqual({ ...NAMED_ENTITIES }, { ...characterEntities });
});

test('references decode as micromark decodes them; unknown names and object keys stay as written', () => {
  assert.equal(decodeString('a&amp;b &copy; &#35; &#x41; &#0; &#xD800; \\* \\a &nope; &constructor; &toString;'), 'a&b © # A \uFFFD \uFFFD * \\a &nope; &constructor; &toString;');
  assert.equal(decodeReference('hasOwnProperty'), null);
});
