// The order of leaders' lists shared by the 领导责任 page and the 迎检卷宗: by role, then by name in pinyin order.
import { describe, expect, it } from 'vitest';
import { byRoleThenName } from '../../../shared/domain/responsibilityOrder';

describe('byRoleThenName', () => {
  it('puts the 第一责任人 first, then 直接责任人, 一岗双责, 分管, each by name in pinyin order', () => {
    const lists = [
      { role: '分管', holderName: '蒋国栋' },
      { role: '分管', holderName: '袁明哲' },
      { role: '第一责任人', holderName: '罗雪' },
      { role: '一岗双责', holderName: '许庆丰' },
      { role: '直接责任人', holderName: '胡桂兰' },
      { role: '分管', holderName: '曹静' },
    ];
    expect([...lists].sort(byRoleThenName).map((r) => `${r.role}${r.holderName}`)).toEqual([
      '第一责任人罗雪',
      '直接责任人胡桂兰',
      '一岗双责许庆丰',
      '分管曹静',
      '分管蒋国栋',
      '分管袁明哲',
    ]);
  });

  it('after a 年内换届 lists the former 第一责任人 (whole year up to the handover) before the successor', () => {
    const lists = [
      { role: '第一责任人', holderName: '胡桂兰', from: '2025-07-15' },
      { role: '第一责任人', holderName: '罗雪', to: '2025-07-15' },
    ];
    expect([...lists].sort(byRoleThenName).map((r) => r.holderName)).toEqual(['罗雪', '胡桂兰']);
  });
});
