import { MAX_PROFILES, normaliseProfileName, PROFILE_NAME_MAX } from '../../../shared/contract/profiles.ts';
import { AppError } from '../../errors/app-error.ts';

export { normaliseProfileName };

/**
 * Letters from other scripts that render like Latin ones (Unicode TR39's confusables, the common part), keyed
 * by the exact character so capitals map to capitals: Greek `Η` reads as H while `η` reads as n.
 */
// prettier-ignore
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic capitals
  А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', І: 'I', Ј: 'J', К: 'K', М: 'M', О: 'O', Р: 'P', Ѕ: 'S', Т: 'T', Х: 'X',
  У: 'Y', Ү: 'Y', Ԛ: 'Q', Ԝ: 'W', Ӏ: 'l', З: '3', Ь: 'b',
  // Cyrillic small letters
  а: 'a', с: 'c', е: 'e', һ: 'h', і: 'i', ј: 'j', о: 'o', р: 'p', ѕ: 's', х: 'x', у: 'y', ү: 'y', ԁ: 'd',
  ԛ: 'q', ԝ: 'w', ӏ: 'l', к: 'k', м: 'm', т: 't', в: 'b', н: 'h', п: 'n', г: 'r', ь: 'b', б: '6',
  // Greek capitals
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  // Greek small letters
  α: 'a', ο: 'o', ρ: 'p', ν: 'v', ι: 'i', κ: 'k', υ: 'u', χ: 'x', γ: 'y', η: 'n', τ: 't',
  // Latin letters that read as others
  ı: 'i', ȷ: 'j', ɑ: 'a', ɡ: 'g', ɩ: 'i', ɪ: 'I', ʟ: 'L', ᴏ: 'o', ꓲ: 'I',
};

/** After case folding: characters operators read as one another in most fonts (digits, bars, letter pairs). */
const SAME_SHAPE: readonly [RegExp, string][] = [
  [/[1il|!]/g, 'l'],
  [/0/g, 'o'],
  [/rn/g, 'm'],
  [/vv/g, 'w'],
  [/[\p{Pd}\u2212]/gu, '-'],
];

/**
 * The key under which two names count as the same: normalised, accents dropped, look-alike letters mapped to
 * Latin, case-folded beyond ASCII (ß → ss), and characters of the same shape merged (1, l, I, i and |; 0 and O;
 * rn and m). Deliberately coarse: the production guard asks the operator to type a name, so two names must
 * never be told apart only by a glyph.
 */
export function confusableKey(name: string): string {
  const bare = normaliseProfileName(name).normalize('NFD').replace(/\p{M}/gu, '');
  let latin = '';
  for (const character of bare) latin += LOOK_ALIKES[character] ?? character;
  let key = latin.normalize('NFKC').toUpperCase().toLowerCase();
  for (const [shape, replacement] of SAME_SHAPE) key = key.replace(shape, replacement);
  return key;
}

/** The existing name `name` would be confused with, or null when it is distinct from all of them. */
export function findConfusable(name: string, existingNames: Iterable<string>): string | null {
  const key = confusableKey(name);
  for (const existing of existingNames) if (confusableKey(existing) === key) return existing;
  return null;
}

/** CONFLICT when `name` cannot be told apart from another profile's name (`exceptId`: the profile being renamed). */
export function assertDistinctName(
  name: string,
  profiles: Iterable<{ id: string; name: string }>,
  exceptId?: string,
): void {
  const others = [...profiles].filter((profile) => profile.id !== exceptId).map((profile) => profile.name);
  const holder = findConfusable(name, others);
  if (holder === null) return;
  const message =
    holder === name
      ? `A profile named “${holder}” already exists; names must differ so profiles cannot be confused.`
      : `“${name}” is too easily confused with the profile “${holder}” (same letters up to case, accents or look-alike characters); choose a clearly different name.`;
  throw new AppError('CONFLICT', message, { issues: [{ path: 'settings.name', message: 'This name is taken' }] });
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** `base` cut on a character boundary so that base + suffix fits the name limit. */
function fitWithSuffix(base: string, suffix: string): string {
  const room = PROFILE_NAME_MAX - suffix.length;
  let kept = '';
  for (const { segment } of graphemes.segment(normaliseProfileName(base))) {
    if (kept.length + segment.length > room) break;
    kept += segment;
  }
  return normaliseProfileName(`${kept.trimEnd()}${suffix}`);
}

function firstFree(base: string, suffixes: (n: number) => string, isTaken: (name: string) => boolean): string {
  // At most MAX_PROFILES names exist besides the Simulator, so one of the first MAX_PROFILES + 2 candidates is free.
  for (let n = 1; n <= MAX_PROFILES + 2; n += 1) {
    const candidate = fitWithSuffix(base, suffixes(n));
    if (!isTaken(candidate)) return candidate;
  }
  throw new AppError('CONFLICT', `Every name derived from “${base}” is taken; give the profile a name of its own.`);
}

/** The name of a duplicate: `Base (copy)`, then `Base (copy) 2`… (as before limits existed), shortened so it always fits the name limit. */
export function copyNameFor(base: string, isTaken: (name: string) => boolean): string {
  return firstFree(base, (n) => (n === 1 ? ' (copy)' : ` (copy) ${n}`), isTaken);
}

/** An imported profile's name: its own when free, else `Name 2`, `Name 3`…, within the name limit. */
export function freeNameFor(base: string, isTaken: (name: string) => boolean): string {
  return firstFree(base, (n) => (n === 1 ? '' : ` ${n}`), isTaken);
}
