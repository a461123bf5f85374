import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  collectRunSecrets, environmentSecretNames, MIN_ENVIRONMENT_SECRET_LENGTH,
} from '../../../../src/core/secrets/environmentSecrets';
import { createSecretMasker } from '../../../../src/core/secrets/secretMasker';

const ENV = {
  PATH: '/usr/bin:/bin',
  HOME: '/home/ci',
  GITHUB_TOKEN: 'ghs_16C7e42F292c6912E7710c838347Ae178B4a',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  VSCE_PAT: 'pat-0123456789abcdef',
  DB_PASSWORD: 'correct horse battery staple',
  USE_KEYCHAIN: 'true',
  EMPTY_TOKEN: '',
  UNSET_SECRET: undefined,
};

test('secret-sounding variables are found whether or not the runbook names them', () => {
  assert.deepEqual(environmentSecretNames(ENV), ['AWS_SECRET_ACCESS_KEY', 'DB_PASSWORD', 'GITHUB_TOKEN', 'USE_KEYCHAIN', 'VSCE_PAT']);
  assert.deepEqual(collectRunSecrets([], ENV).values.sort(), [ENV.AWS_SECRET_ACCESS_KEY, ENV.DB_PASSWORD, ENV.GITHUB_TOKEN, ENV.VSCE_PAT].sort());
});

test('printenv GITHUB_TOKEN AWS_SECRET_ACCESS_KEY prints ***', () => {
  const masker = createSecretMasker(collectRunSecrets([], ENV).values);
  const printed = `${ENV.GITHUB_TOKEN}\n${ENV.AWS_SECRET_ACCESS_KEY}\n`;
  assert.equal(masker.mask(printed), '***\n***\n');
});

test('GITHUB_TOKEN and GH_TOKEN are masked from the ordinary minimum; other guesses from a longer one', () => {
  assert.equal(MIN_ENVIRONMENT_SECRET_LENGTH, 8);
  assert.deepEqual(collectRunSecrets([], { GH_TOKEN: 'gh-1', API_KEY: 'short', USE_KEYCHAIN: 'true' }), { values: ['gh-1'], unmaskedNames: ['API_KEY', 'USE_KEYCHAIN'] });
});

test('a run masks declared inputs from 4 characters and reports every value too short to mask', () => {
  const env = { ...ENV, PIN_SECRET: 'abc', DEPLOY_PIN: '1234', GH_TOKEN: 'x' };
  const secrets = collectRunSecrets(['DEPLOY_PIN', 'PIN_SECRET', 'NOT_GIVEN'], env);
  assert.ok(secrets.values.includes('1234'), 'a declared input is masked from 4 characters');
  assert.ok(secrets.values.includes(ENV.GITHUB_TOKEN));
  assert.ok(!secrets.values.includes('true'));
  assert.deepEqual(secrets.unmaskedNames, ['GH_TOKEN', 'PIN_SECRET', 'USE_KEYCHAIN']);
});
