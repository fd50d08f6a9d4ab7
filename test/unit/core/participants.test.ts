/** Filling the participants' list fast (core/participants.ts): pasted lists, the next row's side. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Participant } from '../../../core/model';
import { namesInPastedText, sideForNextRow, withRowsAfter } from '../../../core/participants';

const anna: Participant = { id: 'p1', name: 'Anna', department: 'marketing' };
const ben: Participant = { id: 'p2', name: 'Ben', department: 'sales' };

function ids(): () => string {
  let next = 0;
  return () => `new-${++next}`;
}

describe('namesInPastedText', () => {
  it('takes one name per line, trimmed, from any line ending, without empty lines', () => {
    expect(namesInPastedText('Anna\r\nBen\n\n  Cem  \rDana\n')).toEqual(['Anna', 'Ben', 'Cem', 'Dana']);
  });

  it('takes a spreadsheet’s first column', () => {
    expect(namesInPastedText('Anna\tMarketing\nBen\tVertrieb')).toEqual(['Anna', 'Ben']);
  });

  it('never yields an empty or untrimmed name, whatever is pasted', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const name of namesInPastedText(text)) {
          expect(name).not.toBe('');
          expect(name).toBe(name.trim());
          expect(name).not.toMatch(/[\r\n\t]/);
        }
      }),
    );
  });
});

describe('rows after a row', () => {
  it('a new row takes the side of the row it follows; the first row is Marketing', () => {
    expect(sideForNextRow([], null)).toBe('marketing');
    expect(sideForNextRow([anna, ben], null)).toBe('sales');
    expect(sideForNextRow([anna, ben], 'p1')).toBe('marketing');
  });

  it('inserts right after the row, on its side, keeping the rest in order', () => {
    expect(withRowsAfter([anna, ben], 'p1', ['Cem', 'Dana'], ids())).toEqual([
      anna,
      { id: 'new-1', name: 'Cem', department: 'marketing' },
      { id: 'new-2', name: 'Dana', department: 'marketing' },
      ben,
    ]);
    expect(withRowsAfter([anna, ben], null, [''], ids())).toEqual([anna, ben, { id: 'new-1', name: '', department: 'sales' }]);
    expect(withRowsAfter([anna], 'unknown', ['Cem'], ids())).toEqual([anna, { id: 'new-1', name: 'Cem', department: 'marketing' }]);
  });
});
