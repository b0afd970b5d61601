// safeFileName: names built from free text become names main's file:save accepts and Windows can create.
import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_LENGTH, safeFileName } from '../../shared/fileName';
import { saveFileRequestSchema } from '../../shared/ipc';

function mainAccepts(name: string): boolean {
  return saveFileRequestSchema.safeParse({ suggestedName: name, data: new Uint8Array(1) }).success;
}

describe('safeFileName', () => {
  it('turns the export names of the review into names main accepts', () => {
    const roster = '党员名册-机关/后勤第一党支部-2025-06-01.xlsx';
    const record = '2025-03-05-党小组会-第一党小组/离退休-第1次-会议记录单.pdf';
    expect(mainAccepts(roster)).toBe(false);
    expect(safeFileName(roster)).toBe('党员名册-机关_后勤第一党支部-2025-06-01.xlsx');
    expect(safeFileName(record)).toBe('2025-03-05-党小组会-第一党小组_离退休-第1次-会议记录单.pdf');
    expect(mainAccepts(safeFileName(roster))).toBe(true);
    expect(mainAccepts(safeFileName(record))).toBe(true);
  });

  it('replaces every character Windows forbids and control characters', () => {
    expect(safeFileName('a\\b/c:d*e?f"g<h>i|j.pdf')).toBe('a_b_c_d_e_f_g_h_i_j.pdf');
    expect(safeFileName('第一\t党支部\n\u0000\u007f.xlsx')).toBe('第一_党支部___.xlsx');
  });

  it('drops spaces around the name and trailing dots, and never returns an empty name', () => {
    expect(safeFileName('  党员名册.xlsx  ')).toBe('党员名册.xlsx');
    expect(safeFileName('第一党支部. . .')).toBe('第一党支部');
    expect(safeFileName('..')).toBe('未命名');
    expect(safeFileName('  ')).toBe('未命名');
    expect(mainAccepts(safeFileName('..'))).toBe(true);
  });

  it('leaves ordinary names alone and guards Windows device names', () => {
    expect(safeFileName('党员名册导入模板.xlsx')).toBe('党员名册导入模板.xlsx');
    expect(safeFileName('CON.xlsx')).toBe('_CON.xlsx');
    expect(safeFileName('nul')).toBe('_nul');
    expect(safeFileName('console.xlsx')).toBe('console.xlsx');
  });

  it('shortens a name too long for main before its extension, without splitting a character', () => {
    const long = safeFileName(`${'支'.repeat(300)}.pdf`);
    expect(long.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith('支.pdf')).toBe(true);
    expect(mainAccepts(long)).toBe(true);
    const astral = safeFileName(`${'a'.repeat(195)}${'𠀀'.repeat(10)}.pdf`);
    expect(astral.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(astral).toBe(`${'a'.repeat(195)}.pdf`);
  });
});
