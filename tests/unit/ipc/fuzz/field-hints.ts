import fc from 'fast-check';
import { listChannels } from '../../../../src/shared/contract/index.ts';
import { HUBBLE_BASE_URLS, profileSettingsSchema, type ProfileList } from '../../../../src/shared/contract/profiles.ts';
import { CANARY_PREFIX } from './console-under-fuzz.ts';
import { deeplyNestedJson, hostileNumber, hostileString, PROTOTYPE_PAYLOADS } from './hostile-values.ts';
import { arbitraryFromSchema, jsonSchemaOf, type FieldHints } from './schema-inputs.ts';

const fits = (min: number, max: number) => (value: string) => value.length >= min && value.length <= max;

/** Names a profile may legally have that are still unpleasant: scripts, traversal, RTL, the longest allowed. */
const hostileButValidName = fc.oneof(
  hostileString.filter((value) => /^[^\p{Cc}]+$/u.test(value) && value.trim().length >= 1 && value.length <= 60),
  fc.constantFrom('x'.repeat(60), 'é'.repeat(60), '👩‍👩‍👧‍👦'.repeat(5), 'n'.repeat(54), '../../profiles/simulator'),
);

/** Custom URLs the console accepts, all on this machine, some of them long, encoded or not ASCII. */
const acceptedCustomUrls = (hubbleUrl: string) => [
  hubbleUrl,
  'http://127.0.0.1:9',
  'http://localhost:9/',
  'http://[::1]:9/proxy',
  `https://127.0.0.1:9/${'ünïcødé-路径-'.repeat(12)}`,
  `https://127.0.0.1:9/${'%2e%2e/'.repeat(6)}etc/passwd`,
  'http://127.0.0.1:9/../../etc/passwd',
  `http://127.0.0.1:9/${'a'.repeat(270)}`,
];

/**
 * Base URLs for Custom profiles. All of them stay on this machine (a connection test must never reach the
 * internet); the others are refused by the console's URL policy.
 */
function baseUrls(hubbleUrl: string) {
  return fc.oneof(
    fc.constantFrom(
      hubbleUrl,
      'http://127.0.0.1:9',
      'http://localhost:9/',
      'http://[::1]:9',
      `https://127.0.0.1:9/${'ünïcødé-路径-'.repeat(12)}`,
      `https://127.0.0.1:9/${'%2e%2e/'.repeat(6)}etc/passwd`,
      'http://127.0.0.1:9/../../etc/passwd',
      'https://127.0.0.1:9/v1/partners',
      'https://127.0.0.1:9/?q=1#fragment',
      'https://user:password@127.0.0.1:9/',
      HUBBLE_BASE_URLS.production,
      HUBBLE_BASE_URLS.staging,
      'javascript:alert(1)',
      'file:///etc/passwd',
      'http://example.com/',
    ),
    fc.constant(null),
    hostileString.filter(fits(0, 300)),
  );
}

/** Webhook bodies: JSON that is deep, huge in its numbers, prototype-laden, or not quite JSON. */
const webhookText = fc.oneof(
  fc.constantFrom(
    deeplyNestedJson(10_000),
    `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
    ...PROTOTYPE_PAYLOADS,
    '{"event":"order.completed","amount":1e999999}',
    '{"event":"\\ud800","orderId":"\\u0000"}',
    '{"a":1,"a":2}',
    '{"truncated":',
    '\uFEFF{"bom":true}',
  ),
  hostileString.filter(fits(1, 1_048_576)),
);

/** The values that let generated inputs get past validation and into the services, by field name. */
export function fieldHints(channel: string, list: ProfileList, hubbleUrl: string): FieldHints {
  const hints = hintsByFieldName(list, hubbleUrl);
  const perChannel: Record<string, fc.Arbitrary<unknown>> = {};
  if (SETTINGS_CHANNELS.has(channel)) perChannel.settings = hints.profileSettings!;
  if (!SECRET_VALUE_CHANNELS.has(channel)) perChannel.value = hostileString.filter(fits(0, 400));
  return { ...hints, ...perChannel };
}

/** Where a field named `value` is a secret (so it gets a canary); elsewhere (lookups) it may be echoed or logged. */
const SECRET_VALUE_CHANNELS = new Set(['profiles.setSecret', 'webhooks.verify', 'webhooks.sign']);
/** Where `settings` is a full profile's settings (the Simulator's are a subset). */
const SETTINGS_CHANNELS = new Set(['profiles.create', 'profiles.update']);

function hintsByFieldName(list: ProfileList, hubbleUrl: string): FieldHints {
  const ids = list.profiles.map((profile) => profile.id);
  const names = list.profiles.map((profile) => profile.name);
  const profileId = fc.oneof(
    { arbitrary: fc.constantFrom(...ids), weight: 3 },
    { arbitrary: hostileString.filter(fits(1, 100)), weight: 1 },
  );
  const secret = fc.uuid().map((uuid) => `${CANARY_PREFIX}${uuid}`);
  const base: Record<string, fc.Arbitrary<unknown>> = {
    profileId,
    profileIds: fc.array(profileId, { maxLength: 5 }),
    typedName: fc.oneof(fc.constantFrom(...names), hostileString.filter(fits(0, 200))),
    operation: fc.oneof(fc.constantFrom(...listChannels()), hostileString.filter(fits(3, 100))),
    name: fc.oneof(fc.constantFrom(...names), hostileButValidName),
    baseUrl: baseUrls(hubbleUrl),
    value: secret,
    text: webhookText,
    confirmationToken: fc.oneof(fc.uuid(), hostileString.filter(fits(1, 200))),
    days: fc.oneof(fc.integer({ min: 1, max: 3650 }), hostileNumber),
    id: fc.integer({ min: 1, max: 400 }),
    callId: fc.integer({ min: 1, max: 400 }),
    url: fc.oneof(
      fc.webUrl(),
      fc.constantFrom('javascript:alert(1)', 'file:///etc/passwd', `http://127.0.0.1:9/${'é'.repeat(200)}`),
    ),
  };
  // Mostly whole-number limits, so a count limit is not refused every time (a money rule, not the point here).
  const limit = fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 1_000_000 }), weight: 12 },
    fc.double({ min: 0.01, max: 1e12 }),
  );
  const settingsWithoutUrl = arbitraryFromSchema(jsonSchemaOf(profileSettingsSchema), { ...base, limit });
  // Staging and production take no URL of their own; Custom needs one. Both are sometimes sent the wrong way.
  const settings = settingsWithoutUrl.chain((drawn) => {
    const environment = (drawn as { environment?: unknown }).environment;
    const baseUrl =
      environment === 'custom'
        ? fc.oneof({ arbitrary: fc.constantFrom(...acceptedCustomUrls(hubbleUrl)), weight: 4 }, baseUrls(hubbleUrl))
        : fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, baseUrls(hubbleUrl));
    return baseUrl.map((url) => ({ ...(drawn as object), baseUrl: url }));
  });
  const exportDocument = fc.array(settings, { minLength: 1, maxLength: 3 }).map((profiles) => ({
    format: 'hubble-ops-console/profiles',
    version: 1,
    profiles,
  }));
  return {
    ...base,
    profileSettings: settings,
    json: fc.oneof(
      exportDocument.map((document) => JSON.stringify(document)),
      exportDocument.map((document) =>
        JSON.stringify({
          ...document,
          profiles: document.profiles.map((profile) => ({ ...(profile as object), clientSecret: 'x' })),
        }),
      ),
      exportDocument.map((document) => JSON.stringify(document).replace('{', '{"__proto__":{"polluted":"yes"},')),
      webhookText.filter(fits(2, 1_000_000)),
    ),
  };
}
