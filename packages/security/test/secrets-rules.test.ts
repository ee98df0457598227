// The secret rules on true positives and lookalikes, the entropy checks, and what a finding may show.
import { createHash } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import {
  detectSecrets,
  fingerprintSecret,
  isPlaceholderValue,
  isRandomLooking,
  redactSecret,
  SECRET_RULES,
  secretPatterns,
  shannonEntropy,
} from '../src/secrets/index.ts';
import { FakeSecrets } from './fixtures/secrets/fakes.ts';

const fake = new FakeSecrets(42);

/** The rule ids found in `text`, in order. */
function rulesIn(text: string): string[] {
  return detectSecrets(text, { file: 'x' }).map((finding) => finding.rule);
}

/** True when no 7-character run of `secret` appears in `text`: at most 6 characters of it were shown. */
function showsAtMostSix(text: string, secret: string): boolean {
  for (let start = 0; start + 7 <= secret.length; start++) {
    if (text.includes(secret.slice(start, start + 7))) return false;
  }
  return true;
}

describe('token formats: true positives', () => {
  const cases: [string, string, string][] = [
    ['github-pat', fake.github('ghp_'), 'const token = "%s";'],
    ['github-oauth-token', fake.github('gho_'), 'oauth: %s'],
    ['github-user-token', fake.github('ghu_'), 'Authorization: token %s'],
    ['github-installation-token', fake.github('ghs_'), 'echo %s | gh auth login --with-token'],
    ['github-refresh-token', fake.github('ghr_'), "refresh = '%s'"],
    ['github-fine-grained-pat', fake.githubFineGrained(), 'GH_TOKEN=%s'],
    ['slack-token', fake.slack('xoxb'), 'SLACK_BOT_TOKEN=%s'],
    ['slack-token', fake.slack('xoxp'), 'user token %s here'],
    ['slack-token', fake.slack('xoxa'), '%s'],
    ['slack-token', fake.slack('xoxe'), '"refresh": "%s"'],
    ['slack-webhook-url', fake.slackWebhook(), 'webhook_url: %s'],
    ['aws-access-key-id', fake.awsKeyId('AKIA'), 'aws_access_key_id = %s'],
    ['aws-access-key-id', fake.awsKeyId('ASIA'), 'AWS_ACCESS_KEY_ID: "%s"'],
    ['atlassian-api-token', fake.atlassian(), 'JIRA_API_TOKEN=%s'],
    ['jwt', fake.jwt(), 'curl -H "Authorization: Bearer %s" https://api.example.com'],
    ['jwt', fake.jwt({ alg: 'RS256', kid: 'k1' }), 'id_token=%s&state=1'],
  ];

  test.each(cases)('%s is found where it sits, as an error', (rule, secret, template) => {
    const line = template.replace('%s', secret);
    const findings = detectSecrets(`first line\n${line}\nlast line\n`, { file: 'src/a.ts' });
    expect(findings.map((finding) => finding.rule)).toEqual([rule]);
    const [finding] = findings;
    expect(finding).toMatchObject({
      tool: 'secrets',
      severity: 'error',
      file: 'src/a.ts',
      line: 2,
      column: line.indexOf(secret) + 1,
      endLine: 2,
      endColumn: line.indexOf(secret) + secret.length + 1,
    });
    expect(finding?.fix).toMatch(/revoke|remove the webhook|deactivate/i);
    expect(finding?.fix).toContain('history');
  });

  test('a Slack token whose numeric IDs repeat a digit is still a token', () => {
    const tail = fake.slack().split('-').at(-1);
    expect(rulesIn(`xoxb-197997999333-3608888884863-${tail}`)).toEqual(['slack-token']);
  });

  test('the kind of Slack token is named', () => {
    expect(detectSecrets(fake.slack('xoxp'))[0]?.message).toMatch(/^Slack user token \(xoxp-/);
    expect(detectSecrets(fake.slack('xoxb'))[0]?.message).toMatch(/^Slack bot token \(xoxb-/);
  });

  test('an AWS secret access key is found next to AWS words, in several spellings', () => {
    const secret = fake.awsSecret();
    expect(rulesIn(`aws_secret_access_key = ${secret}`)).toEqual(['aws-secret-access-key']);
    expect(rulesIn(`AWS_SECRET_ACCESS_KEY: "${secret}"`)).toEqual(['aws-secret-access-key']);
    expect(rulesIn(`{ "SecretAccessKey": "${secret}" }`)).toEqual(['aws-secret-access-key']);
    expect(rulesIn(`aws:\n  region: eu-west-1\n  secret_key: ${secret}\n`)).toEqual([
      'aws-secret-access-key',
    ]);
  });

  test('Datadog keys are found by their name or the Datadog words just before them', () => {
    const apiKey = fake.datadogApiKey();
    const appKey = fake.datadogAppKey();
    expect(rulesIn(`DD_API_KEY=${apiKey}`)).toEqual(['datadog-api-key']);
    expect(rulesIn(`dd-api-key: "${apiKey}"`)).toEqual(['datadog-api-key']);
    expect(rulesIn(`DD_APP_KEY: ${appKey}`)).toEqual(['datadog-app-key']);
    expect(rulesIn(`datadog:\n  site: datadoghq.eu\n  api_key: ${apiKey}\n  app_key: ${appKey}\n`)).toEqual([
      'datadog-api-key',
      'datadog-app-key',
    ]);
  });

  test('a private key is found as the whole block, in PEM and in JSON', () => {
    const pem = fake.privateKey();
    const [finding] = detectSecrets(`# deploy key\n${pem}\n`, { file: 'deploy/key.pem' });
    expect(finding).toMatchObject({
      rule: 'private-key',
      severity: 'error',
      line: 2,
      column: 1,
      endLine: 11,
    });
    expect(finding?.message).toBe('RSA private key (-----BEGIN RSA PRIVATE KEY-----) is in plain text');

    const escaped = `-----BEGIN PRIVATE KEY-----\\n${fake.privateKeyLines(4).join('\\n')}\\n-----END PRIVATE KEY-----\\n`;
    const json = `{\n  "type": "service_account",\n  "private_key": "${escaped}",\n  "client_email": "x@y"\n}`;
    expect(detectSecrets(json)).toMatchObject([{ rule: 'private-key', line: 3, endLine: 3 }]);

    expect(rulesIn(fake.openSshKey())).toEqual(['private-key']);
    expect(rulesIn(fake.privateKey('EC PRIVATE KEY'))).toEqual(['private-key']);
    const pgp = `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n${fake.privateKeyLines().join('\n')}\n=FAKE\n-----END PGP PRIVATE KEY BLOCK-----`;
    expect(detectSecrets(pgp)[0]?.message).toContain('PGP private key block');
  });

  test('the same key in PEM and escaped JSON has one fingerprint', () => {
    const body = fake.privateKeyLines(4);
    const pem = `-----BEGIN PRIVATE KEY-----\n${body.join('\n')}\n-----END PRIVATE KEY-----`;
    const json = `"-----BEGIN PRIVATE KEY-----\\n${body.join('\\n')}\\n-----END PRIVATE KEY-----\\n"`;
    expect(detectSecrets(pem)[0]?.fingerprint).toBe(detectSecrets(json)[0]?.fingerprint);
  });
});

describe('token formats: lookalikes, placeholders and docs examples are passed over', () => {
  const tokenBody = fake.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 40);
  test.each([
    ['one character short', `ghp_${tokenBody.slice(0, 35)}`],
    ['part of a longer word', `ghp_${tokenBody}`],
    ['glued to a word before it', `xghp_${tokenBody.slice(0, 36)}`],
    ['a docs placeholder', `ghp_${'X'.repeat(36)}`],
    ['a sequence', 'ghp_1234567890abcdefghijklmnopqrstuvwxyz'.slice(0, 40)],
    ['a short fine-grained prefix', `github_pat_${tokenBody.slice(0, 20)}`],
    ['a Slack token placeholder', 'SLACK_BOT_TOKEN=xoxb-your-token-here'],
    ['a short test token', "setSecret('xoxb-1234-secret')"],
    ['a Slack docs token', 'xoxb-000000000000-000000000000-XXXXXXXXXXXXXXXXXXXXXXXX'],
    ["Slack's docs webhook", 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'],
    ["AWS's docs key id", 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE'],
    ["AWS's docs secret key", 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['a key id one short', `AKIA${'ABCDEFGHJKLMNPQ'}`],
    ['a short Atlassian prefix', 'ATATT3xFfGF0-short'],
    [
      'a pinned Datadog action',
      `      - uses: DataDog/datadog-ci-github-action@${fake.datadogAppKey()} # v1`,
    ],
    ['a hash near no Datadog word', `md5: ${fake.datadogApiKey()}`],
    ['docs private key', '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----'],
    [
      'code that looks for a key',
      "if (pem.startsWith('-----BEGIN PRIVATE KEY-----')) {\n  return parsePem(pem);\n}",
    ],
    [
      'a public key',
      `-----BEGIN PUBLIC KEY-----\n${fake.privateKeyLines(3).join('\n')}\n-----END PUBLIC KEY-----`,
    ],
    [
      'three segments that are not a JWT',
      `eyJub3QganNvbiBhdCBhbGw.${tokenBody.slice(0, 20)}.${tokenBody.slice(0, 20)}`,
    ],
    ['a JWT header without alg', fake.jwt({ typ: 'JWT' })],
    ['an unsigned JWT (alg none)', fake.jwt({ alg: 'none' })],
    [
      "jwt.io's example token",
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
    ],
  ])('%s', (_name, text) => {
    expect(detectSecrets(text)).toEqual([]);
  });

  test('a 40-character value with no AWS word near it is not an AWS key', () => {
    expect(rulesIn(`checksum = ${fake.awsSecret()}`)).toEqual([]);
  });

  test('hex next to key words but no Datadog word is at most a generic warning', () => {
    const findings = detectSecrets(`api_key = "${fake.datadogApiKey()}"`);
    expect(findings.map((finding) => [finding.rule, finding.severity])).toEqual([
      ['generic-secret', 'warning'],
    ]);
  });
});

describe('generic secrets: random values assigned to key words', () => {
  test.each([
    ['DB_PASSWORD="%s"'],
    ['"apiKey": "%s",'],
    ['client_secret: %s'],
    ['run: deploy --token=%s'],
    ["$config['db_password'] = '%s';"],
    ['PRIVATE_KEY := "%s"'],
    ['credentials => "%s"'],
  ])('%s is a warning', (template) => {
    const value = fake.password();
    const line = template.replace('%s', value);
    const findings = detectSecrets(line);
    expect(findings).toMatchObject([
      { rule: 'generic-secret', severity: 'warning', line: 1, column: line.indexOf(value) + 1 },
    ]);
    expect(findings[0]?.message).toMatch(/^Possible secret: a high-entropy value \(.{4}…\) is assigned to '/);
  });

  test('the whole name is given, and a token assigned to a key word is reported once, by its rule', () => {
    expect(detectSecrets(`SERVICE_API_KEY=${fake.password()}`)[0]?.message).toContain("'SERVICE_API_KEY'");
    expect(rulesIn(`token: ${fake.github()}`)).toEqual(['github-pat']);
    expect(rulesIn(`password = "${fake.slack()}"`)).toEqual(['slack-token']);
  });

  test.each([
    ['a workflow secret', 'token: ${{ secrets.GITHUB_TOKEN }}'],
    ['an angle-bracket placeholder', 'api_key = "<your-api-key>"'],
    ['changeme', 'password: changeme-changeme-2024'],
    ['a your- placeholder', 'API_KEY=your-api-key-goes-here-123'],
    ['an env reference', 'password: process.env.DB_PASSWORD_1'],
    ['a shell variable', 'TOKEN=$GITHUB_TOKEN_FOR_RELEASES'],
    ['a Python env read', 'secret = os.environ["APP_SECRET_KEY_1"]'],
    ['xxxx', 'password = "xxxxxxxxxxxxxxxxxxxxxxxx"'],
    ['stars', 'password: "****************"'],
    ['a method chain', 'token: this.tokenService.currentToken,'],
    ['an identifier without digits', 'secret: passwordResetEmailTemplate'],
    ['a file path', 'private_key: /etc/secrets/deploy-key-2024.pem'],
    ['digits only', 'token_count: 12345678901234567890'],
    ['a short value', 'password = "hunter2"'],
    ['a low-entropy value', 'password = "aaaabbbbaaaabbbb1111"'],
    ['an example value', 'api_key = "EXAMPLE-KEY-1234567890"'],
    ['a sample', 'token = sample_token_value_42'],
    ['a comparison', 'if (password == "Fk3jD8sLq2Wm9xZv") {'],
    ['minified comparison', 'isStart(){if(this.tokens.length===0?a1:b2)return!0}'],
    ['a call', 'file.tokens = babel7CompatTokens(this.tokens, this.input);'],
    ['a generic type', 'credential: OAuth2TokenCredential<TFlows>;'],
    ['a name built from a key word', 'type OpeningParenToken = OpeningParenToken$1;'],
  ])('%s is passed over', (_name, text) => {
    expect(detectSecrets(text)).toEqual([]);
  });
});

describe('entropy', () => {
  test('Shannon entropy in bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abab')).toBe(1);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy('0123456789abcdef')).toBe(4);
  });

  test('random-looking needs letters, digits and entropy for its alphabet', () => {
    expect(isRandomLooking(fake.password(16))).toBe(true);
    expect(isRandomLooking(fake.datadogApiKey())).toBe(true);
    expect(isRandomLooking('databasePasswordFile')).toBe(false);
    expect(isRandomLooking('12345678901234567890')).toBe(false);
    expect(isRandomLooking('ab12ab12ab12ab12')).toBe(false);
  });

  test('placeholders and references', () => {
    expect(isPlaceholderValue('${API_TOKEN}')).toBe(true);
    expect(isPlaceholderValue('%API_TOKEN%')).toBe(true);
    expect(isPlaceholderValue('config.github.token')).toBe(true);
    expect(isPlaceholderValue('REDACTED-0123456789')).toBe(true);
    expect(isPlaceholderValue(fake.password())).toBe(false);
  });
});

describe('what a finding shows of a secret', () => {
  test('a short prefix: at most 6 characters, at most a quarter of the secret', () => {
    expect(redactSecret('ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789')).toBe('ghp_Ab…');
    expect(redactSecret('Fk3jD8sLq2Wm9xZv')).toBe('Fk3j…');
    expect(redactSecret('short')).toBe('s…');
  });

  test('no finding, of any rule, holds more than 6 characters of its secret', () => {
    const webhook = fake.slackWebhook();
    const secrets = [
      fake.github(),
      fake.githubFineGrained(),
      fake.slack(),
      fake.awsKeyId(),
      fake.atlassian(),
      fake.jwt(),
    ];
    const generic = fake.password();
    const aws = fake.awsSecret();
    const datadog = fake.datadogApiKey();
    const keyLines = fake.privateKeyLines();
    const text = [
      ...secrets,
      webhook,
      `DB_PASSWORD=${generic}`,
      `aws_secret_access_key=${aws}`,
      `DD_API_KEY=${datadog}`,
      '-----BEGIN RSA PRIVATE KEY-----',
      ...keyLines,
      '-----END RSA PRIVATE KEY-----',
    ].join('\n');
    const findings = detectSecrets(text, { file: 'a.env' });
    expect(new Set(findings.map((finding) => finding.rule)).size).toBe(11);
    const shown = JSON.stringify(findings);
    // A webhook URL's fixed prefix is public; what follows it is the secret.
    const webhookSecret = webhook.slice('https://hooks.slack.com/services/'.length);
    for (const secret of [...secrets, webhookSecret, generic, aws, datadog, ...keyLines]) {
      expect(showsAtMostSix(shown, secret)).toBe(true);
    }
  });

  test('the fingerprint is sha256 of rule and secret, the same wherever the secret is', () => {
    const secret = fake.github();
    const expected = createHash('sha256').update(`github-pat:${secret}`).digest('hex');
    expect(fingerprintSecret('github-pat', secret)).toBe(expected);
    expect(detectSecrets(secret)[0]?.fingerprint).toBe(expected);
    expect(detectSecrets(`\n\n   x = "${secret}"`)[0]?.fingerprint).toBe(expected);
  });
});

describe('positions', () => {
  test('columns count characters of UTF-8 text read as latin1 bytes', () => {
    const secret = fake.github();
    const line = `const café = "${secret}";`;
    const latin1 = Buffer.from(`ümlaut line\n${line}\n`, 'utf8').toString('latin1');
    expect(detectSecrets(latin1, { latin1: true })[0]).toMatchObject({
      line: 2,
      column: line.indexOf(secret) + 1,
    });
  });

  test('findings come in the order of the text, each with its own line', () => {
    const text = `a=1\nDB_PASSWORD=${fake.password()}\n${fake.github()}\n\n${fake.awsKeyId()}\n`;
    expect(detectSecrets(text).map((finding) => [finding.rule, finding.line])).toEqual([
      ['generic-secret', 2],
      ['github-pat', 3],
      ['aws-access-key-id', 5],
    ]);
  });
});

describe('the rule set', () => {
  test('every rule has an id, a description, a severity and a fix that says to clean the history', () => {
    const ids = SECRET_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of SECRET_RULES) {
      expect(rule.description.length).toBeGreaterThan(5);
      expect(rule.fix).toMatch(/history/);
      expect(['error', 'warning']).toContain(rule.severity);
    }
    expect(SECRET_RULES.filter((rule) => rule.severity === 'warning').map((rule) => rule.id)).toEqual([
      'generic-secret',
    ]);
  });

  test('the patterns compile, and ripgrep-style ASCII mode is how JavaScript reads them', () => {
    for (const pattern of secretPatterns()) expect(() => new RegExp(pattern)).not.toThrow();
    expect(secretPatterns()).toHaveLength(13);
  });
});
