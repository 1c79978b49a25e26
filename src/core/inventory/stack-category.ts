import { MARTECH_CATEGORIES, OTHER_CATEGORY, type MartechCategory } from '../martech-categories.js';
import { quoted } from '../problem.js';
import { MAX_NAME_LENGTH, own } from '../schema/limits.js';
import { closest } from '../validate/did-you-mean.js';

// A category as the team writes it, read into a martech category: the workspace's own mapping
// (aiclaim.yaml `categories`) first, then a seed category's id, label or a common synonym. A label
// close to a seed category is refused with the suggestion (taken with --accept-suggestions); one
// close to none is kept: category `other` with the team's label.

export type CategoryRead =
  | { ok: true; value: MartechCategory; label?: string | undefined; note?: { message: string; hint: string } | undefined }
  | { ok: false; message: string; hint: string };

const SYNONYMS: Readonly<Record<string, MartechCategory>> = {
  personalization: 'on-site-personalization',
  personalisation: 'on-site-personalization',
  abtesting: 'ab-testing',
  experimentation: 'ab-testing',
  cdp: 'smart-data',
  customerdataplatform: 'smart-data',
  chatbot: 'ai-bots',
  chatbots: 'ai-bots',
  bots: 'ai-bots',
  sociallistening: 'social-media-intelligence',
  email: 'emailing',
  emailmarketing: 'emailing',
  esp: 'emailing',
  tms: 'tag-management',
  tagmanager: 'tag-management',
  helpdesk: 'customer-service',
  support: 'customer-service',
  contentgeneration: 'generative-content',
  genai: 'generative-content',
};

const normalLabel = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

export interface CategoryOptions {
  /** aiclaim.yaml `categories`: the team's label → a martech category. */
  mapping?: Readonly<Record<string, MartechCategory>> | undefined;
  acceptSuggestions?: boolean | undefined;
}

export function readCategory(text: string, options: CategoryOptions): CategoryRead {
  if (!text)
    return {
      ok: false,
      message: 'no category',
      hint: `fill in the category, e.g. ${MARTECH_CATEGORIES.slice(0, 3)
        .map((c) => c.label)
        .join(', ')}`,
    };
  const key = normalLabel(text);
  const mapped = Object.entries(options.mapping ?? {}).find(([label]) => normalLabel(label) === key)?.[1];
  if (mapped) return mapped === OTHER_CATEGORY.id ? other(text) : { ok: true, value: mapped };
  const known = MARTECH_CATEGORIES.find((c) => normalLabel(c.id) === key || normalLabel(c.label) === key)?.id ?? own(SYNONYMS, key);
  if (known) return { ok: true, value: known };
  const suggestion = suggest(text);
  const mapping = (id: string) => `map it in aiclaim.yaml: categories: { ${quoted(text, 60)}: ${id} }`;
  if (suggestion) {
    const label = MARTECH_CATEGORIES.find((c) => c.id === suggestion)!.label;
    if (options.acceptSuggestions)
      return {
        ok: true,
        value: suggestion,
        note: {
          message: `${quoted(text)} read as the martech category "${label}" (--accept-suggestions)`,
          hint: `to keep it for good, ${mapping(suggestion)}`,
        },
      };
    return {
      ok: false,
      message: `${quoted(text)} is not a martech category`,
      hint: `did you mean "${label}"? pass --accept-suggestions to take it, or ${mapping(suggestion)}`,
    };
  }
  if (text.length > MAX_NAME_LENGTH)
    return {
      ok: false,
      message: `${quoted(text)} is not a martech category`,
      hint: `a label of at most ${MAX_NAME_LENGTH} characters is kept as category "other"; shorten it, or ${mapping('<category id>')}`,
    };
  return other(text);
}

function other(text: string): CategoryRead {
  return {
    ok: true,
    value: OTHER_CATEGORY.id,
    label: text,
    note: {
      message: `${quoted(text)} is not a martech category: imported as category "other", its label kept`,
      hint: `if it is one of them, map it in aiclaim.yaml: categories: { ${quoted(text, 60)}: <category id> }`,
    },
  };
}

/**
 * The seed category a label is close to: a slip in its label or id, or a label that holds a seed
 * label, id or synonym ("Marketing Automation / Email" holds "Marketing automation"; the longest wins).
 */
function suggest(text: string): MartechCategory | undefined {
  const byLabel = closest(
    text,
    MARTECH_CATEGORIES.map((c) => c.label),
  );
  if (byLabel) return MARTECH_CATEGORIES.find((c) => c.label === byLabel)!.id;
  const byId = closest(
    text,
    MARTECH_CATEGORIES.map((c) => c.id),
  );
  if (byId) return byId as MartechCategory;
  const key = normalLabel(text);
  const words: [string, MartechCategory][] = [
    ...MARTECH_CATEGORIES.flatMap((c) => [[normalLabel(c.label), c.id] as [string, MartechCategory], [normalLabel(c.id), c.id] as [string, MartechCategory]]),
    ...(Object.entries(SYNONYMS) as [string, MartechCategory][]),
  ];
  const held = words.filter(([word]) => word.length >= 3 && key.includes(word)).sort((a, b) => b[0].length - a[0].length)[0];
  return held?.[1];
}
