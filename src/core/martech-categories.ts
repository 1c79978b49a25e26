// The martech categories, in the order of priority marketing leaders gave them.

export const MARTECH_CATEGORIES = [
  { id: 'on-site-personalization', label: 'On-site personalization' },
  { id: 'ab-testing', label: 'A/B testing' },
  { id: 'crm', label: 'CRM' },
  { id: 'smart-data', label: 'Smart data' },
  { id: 'dmp', label: 'DMP' },
  { id: 'ai-bots', label: 'AI & bots' },
  { id: 'social-media-intelligence', label: 'Social media intelligence' },
  { id: 'campaign-management', label: 'Campaign management' },
  { id: 'marketing-automation', label: 'Marketing automation' },
  { id: 'emailing', label: 'Emailing' },
  { id: 'tag-management', label: 'Tag management' },
  { id: 'social-media-management', label: 'Social media management' },
  { id: 'customer-service', label: 'Customer service' },
  { id: 'attribution', label: 'Attribution' },
  { id: 'web-to-store', label: 'Web-to-store' },
  { id: 'marketplace', label: 'Marketplace' },
  { id: 'phygital', label: 'Phygital' },
  { id: 'dsp', label: 'DSP' },
  { id: 'ssp', label: 'SSP' },
  { id: 'generative-content', label: 'Generative content' },
] as const;

/**
 * A vendor outside the 20 seed categories: kept with the team's own label (`categoryLabel` on the
 * vendor). Not a seed category, so never listed in coverage or offered in the interview.
 */
export const OTHER_CATEGORY = { id: 'other', label: 'Other' } as const;

export type MartechCategory = (typeof MARTECH_CATEGORIES)[number]['id'] | typeof OTHER_CATEGORY.id;

const ids: MartechCategory[] = [...MARTECH_CATEGORIES.map((c) => c.id), OTHER_CATEGORY.id];
export const MARTECH_CATEGORY_IDS = ids as [MartechCategory, ...MartechCategory[]];

/** How a category is shown: its label; for `other`, the team's own label where the vendor has one. */
export function categoryLabel(id: string, own?: string): string {
  if (id === OTHER_CATEGORY.id) return own ?? OTHER_CATEGORY.label;
  return MARTECH_CATEGORIES.find((c) => c.id === id)?.label ?? id;
}
