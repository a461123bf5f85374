import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextPageExists, searchQueryForTitle } from '../../../../src/node/github/requests';
import { parseApiUrl, hideUrlCredentials } from '../../../../src/node/github/apiUrl';

test('search query: the title as one phrase, quotes and backslashes turned into spaces', () => {
  assert.equal(searchQueryForTitle('o/r', 'Stage 2 "canary" \\ BLOCKED'), 'repo:o/r is:issue is:open in:title "Stage 2 canary BLOCKED"');
  assert.equal(searchQueryForTitle('o/r', '""'), 'repo:o/r is:issue is:open in:title');
});

test('search query: a long title is cut at a word so the query stays within 256 characters', () => {
  const query = searchQueryForTitle('owner/name', `Runbook gate: ${'word '.repeat(80)}end`);
  assert.ok(query.length <= 256, `${query.length} characters`);
  assert.match(query, / "Runbook gate: (word )*word"$/);
});

test('next page: only a link header with rel="next" announces one', () => {
  assert.equal(nextPageExists('<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"'), true);
  assert.equal(nextPageExists('<https://api.github.com/x?page=1>; rel="prev", <https://api.github.com/x?page=1>; rel="first"'), false);
  assert.equal(nextPageExists(undefined), false);
});

test('API URL: default, trailing slashes, GitHub Enterprise', () => {
  assert.equal(parseApiUrl(null, false).baseUrl, 'https://api.github.com');
  assert.equal(parseApiUrl('  ', true).baseUrl, 'https://api.github.com');
  assert.deepEqual(parseApiUrl('https://ghe.example.com/api/v3/', true), {
    baseUrl: 'https://ghe.example.com/api/v3', displayUrl: 'https://ghe.example.com/api/v3', credentials: [], loopback: false, problem: null,
  });
});

test('API URL: credentials are taken out of the request URL and shown as ***', () => {
  const endpoint = parseApiUrl('https://bot%40corp:p%40ss@ghe.example.com/api/v3', false);
  assert.equal(endpoint.baseUrl, 'https://ghe.example.com/api/v3');
  assert.equal(endpoint.displayUrl, 'https://***@ghe.example.com/api/v3');
  assert.deepEqual(endpoint.credentials, ['bot%40corp', 'p%40ss', 'bot@corp', 'p@ss']);
});

test('API URL: plain http carries a token only to loopback', () => {
  assert.equal(parseApiUrl('http://127.0.0.1:8080', true).problem, null);
  assert.equal(parseApiUrl('http://localhost:8080', true).problem, null);
  assert.equal(parseApiUrl('http://ghe.internal/api/v3', false).problem, null);
  assert.equal(parseApiUrl('http://ghe.internal/api/v3', true).problem, 'refusing to send GITHUB_TOKEN over plain http to http://ghe.internal/api/v3: use https');
});

test('credentials in any URL inside a text are hidden', () => {
  assert.equal(hideUrlCredentials('see https://u:p@h/x and git+ssh://git@github.com/o/r'), 'see https://***@h/x and git+ssh://***@github.com/o/r');
});
