import type { VendorFinding } from '../schema/findings.js';
import { inBase, type Base } from './money-in-base.js';

// Shelfware: licences paid for and little used. A product is shelfware when under half of what
// it licenses is in use; its idle spend is the annual spend times the share not in use.

export const SHELFWARE_BELOW = 0.5;

interface UsageRow {
  id: string;
  name: string;
  licensed: number;
  used: number;
  unit: string;
  /** used / licensed */
  utilisation: number;
  shelfware: boolean;
  /** Annual spend × (1 - utilisation), in the base currency; undefined with no spend (or no rate). */
  idle?: number | undefined;
  outcome?: VendorFinding['outcome'];
}

export interface Shelfware {
  /** Every vendor with usage recorded, the least used first. */
  rows: UsageRow[];
  /** Vendors with no usage recorded: not given. */
  notGiven: number;
  /** Idle spend of the shelfware products. */
  idle: number;
}

export function shelfware(vendors: readonly VendorFinding[], base: Base): Shelfware {
  const rows: UsageRow[] = vendors
    .filter((v) => v.usage)
    .map((v) => {
      const { licensed, used, unit } = v.usage!;
      const utilisation = used / licensed;
      const annual = v.spend ? inBase(v.spend, base) : undefined;
      return {
        id: v.id,
        name: v.name,
        licensed,
        used,
        unit,
        utilisation,
        shelfware: utilisation < SHELFWARE_BELOW,
        idle: annual === undefined ? undefined : annual * (1 - utilisation),
        outcome: v.outcome,
      };
    })
    .sort((a, b) => a.utilisation - b.utilisation || a.name.localeCompare(b.name));
  return {
    rows,
    notGiven: vendors.length - rows.length,
    idle: rows.filter((r) => r.shelfware).reduce((sum, r) => sum + (r.idle ?? 0), 0),
  };
}
