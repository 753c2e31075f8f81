// The units a screen may be pointed at: the caller's own and those below it, or any for those who read every unit.
import type { Account } from './api';

export interface UnitNode { code: string; name: string; parent?: { code: string } | null }

/** Whether unit is scope or below it in the unit tree. */
export function isWithin(units: UnitNode[], unit: string, scope: string): boolean {
  for (let code: string | undefined = unit; code; code = units.find(u => u.code === code)?.parent?.code) {
    if (code === scope) return true;
  }
  return false;
}

/**
 * The units an account reads plans of: every unit for administrators and pimpinan, else its own and those below it (as
 * the server's read scope does; it decides in any case).
 */
export function readableUnits<U extends UnitNode>(account: Account, units: U[]): U[] {
  if (account.roles.includes('admin') || account.roles.includes('pimpinan')) return units;
  const own = account.unit;
  return own ? units.filter(u => isWithin(units, u.code, own)) : [];
}

export function UnitSelect({ id, units, value, onChange }: { id: string; units: UnitNode[]; value: string; onChange: (unit: string) => void }) {
  return (
    <div class="field"><label for={id}>Unit</label>
      <select id={id} value={value} onChange={e => onChange((e.target as HTMLSelectElement).value)}>
        {units.map(u => <option value={u.code}>{u.name}</option>)}
      </select></div>
  );
}
