// How long each kind of string in an aiclaim file may be, and how large an amount: limits no real
// file comes near (the longest strings in the shipped questionnaires and the sample portfolio are a
// 596-character note, a 444-character help text and a 124-character product name), so that a
// hostile file is refused in a few milliseconds, with a message that says the limit, instead of
// being carried into every table, snapshot and report. The JSON Schemas in schemas/ carry the same
// limits (maxLength, maximum), so that editors flag them as they are typed.

/** Ids: vendor, question, section, option, flag, claim, roadmap ids (SLUG_PATTERN allows 64). */
export const MAX_ID_LENGTH = 64;

/**
 * Any mapping key in any file. Keys are field names or ids; the longest legitimate ones are the
 * section paths of a findings snapshot ("upstream/data", one id per level of nesting).
 */
export const MAX_KEY_LENGTH = 1_000;

/** Names and titles: vendor, product, person, owner, role, interviewer, labels, section and roadmap titles, units. */
export const MAX_NAME_LENGTH = 200;

/** URLs and document references: website, evidence, claim sources, who ran an evaluation, e-mail addresses. */
export const MAX_REFERENCE_LENGTH = 2_048;

/** Statements: claim texts, question texts, red-flag messages, decline reasons, not-applicable justifications, test values. */
export const MAX_TEXT_LENGTH = 2_000;

/** Free text: notes, help, descriptions, text answers. */
export const MAX_LONG_TEXT_LENGTH = 10_000;

/** Paths in the settings and in a snapshot's source (PATH_MAX on Linux). */
export const MAX_PATH_LENGTH = 4_096;

/** Version strings (MAJOR.MINOR.PATCH) and the tool that wrote a snapshot. */
export const MAX_VERSION_LENGTH = 100;

/**
 * The largest amount of money (annual spend) and the largest point total a snapshot may hold: far
 * above any martech contract, far below where sums over every vendor could stop being exact (2^53)
 * or reach Infinity. Amounts must also be finite (YAML reads `.inf` as Infinity).
 */
export const MAX_AMOUNT = 1e12;

/** A section's weight: the weighted mean of sections sums weights, so they stay small. */
export const MAX_WEIGHT = 1_000;

/** `aiclaim import`: vendors in one spreadsheet. A martech stack has dozens; a landscape a few thousand. */
export const MAX_IMPORT_ROWS = 10_000;

/**
 * Any cell of an imported spreadsheet, whatever its column: no field of a vendor file holds more.
 * @alias of MAX_LONG_TEXT_LENGTH
 */
export const MAX_CELL_LENGTH = MAX_LONG_TEXT_LENGTH;

/** Input echoed in a message (an unknown key, a wrong value) is cut to this many characters. */
export const EXCERPT_LENGTH = 60;

/**
 * Names that a plain JavaScript object already answers to (Object.prototype's own properties,
 * `__proto__` among them) and `prototype`: never an id, never a key in a file, so that no lookup by
 * id can reach the prototype and no key can be dropped or turned into a prototype assignment.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export function isReservedName(name: unknown): boolean {
  return typeof name === 'string' && RESERVED_NAMES.has(name);
}

/** What to do about a reserved name, for the hint of its message. */
export const RESERVED_HINT = 'aiclaim cannot use it as an id or a key: rename it (ids are lower-case letters, digits and dashes)';

/** A record's own value for a key: never one inherited from Object.prototype ("constructor", "toString"). */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
