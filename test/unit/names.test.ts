// Names typed by hand: 「阿依古丽•买买提」 and 「阿依古丽·买买提」, 「王  芳」 and 「王芳」 name the same person; 「Li Na」 keeps
// its space; two 李娜 in a picker are told apart.
import { describe, expect, it } from 'vitest';
import { comparePersonNames, personLabels, personNameKey, sameName, tidyPersonName } from '../../shared/names';

describe('personNameKey', () => {
  it('reads every dot look-alike of a minority name as the 间隔号', () => {
    const key = personNameKey('阿依古丽·买买提');
    for (const typed of [
      '阿依古丽•买买提',
      '阿依古丽・买买提',
      '阿依古丽･买买提',
      '阿依古丽‧买买提',
      '阿依古丽．买买提',
      '阿依古丽.买买提',
      '阿依古丽 · 买买提',
      '阿依古丽ꞏ买买提',
    ]) {
      expect(personNameKey(typed), typed).toBe(key);
    }
  });

  it('drops padding and ideographic spaces inside a name written in 汉字', () => {
    for (const typed of ['王  芳', '王\u3000芳', ' 王 芳 ', '王\u200B芳', '王芳'])
      expect(personNameKey(typed), typed).toBe('王芳');
    expect(sameName('张 三', '张三')).toBe(true);
    expect(sameName('张三', '张四')).toBe(false);
  });

  it('keeps one space between the words of a Latin name, and ignores width and case', () => {
    expect(personNameKey('Li Na')).toBe('li na');
    expect(personNameKey('Li  Na')).toBe('li na');
    expect(personNameKey('ＬＩ　ＮＡ')).toBe('li na');
    expect(sameName('Li Na', 'LiNa')).toBe(false);
  });
});

describe('tidyPersonName', () => {
  it('stores a 汉字 name without spaces and with the 间隔号, as its key would read it', () => {
    expect(tidyPersonName('王  芳')).toBe('王芳');
    expect(tidyPersonName('王\u3000芳')).toBe('王芳');
    expect(tidyPersonName('阿依古丽•买买提')).toBe('阿依古丽·买买提');
    expect(tidyPersonName('阿依古丽 . 买买提')).toBe('阿依古丽·买买提');
    expect(tidyPersonName('𠈌𡒄喆')).toBe('𠈌𡒄喆');
    // A hyphen or dash between the parts of a 汉字 name is the 间隔号 missed; the same person as with the dot.
    expect(tidyPersonName('阿卜杜-热合曼')).toBe('阿卜杜·热合曼');
    expect(tidyPersonName('阿卜杜 － 热合曼')).toBe('阿卜杜·热合曼');
    expect(personNameKey('阿卜杜–热合曼')).toBe(personNameKey('阿卜杜·热合曼'));
  });

  it('leaves a Latin name its single spaces and dots, and the width of what was typed', () => {
    expect(tidyPersonName(' Li   Na ')).toBe('Li Na');
    expect(tidyPersonName('J. Smith')).toBe('J. Smith');
    expect(tidyPersonName('Jean-Pierre')).toBe('Jean-Pierre');
    expect(personNameKey('Jean-Pierre')).toBe('jean-pierre');
    expect(tidyPersonName('ＬＩ')).toBe('ＬＩ');
  });
});

describe('personLabels', () => {
  const groups = [
    { id: 'g1', name: '第一党小组' },
    { id: 'g2', name: '第二党小组' },
  ];
  const person = (id: string, name: string, birthDate: string, partyGroupId = '', joinedDate = '2010-07-01') => ({
    id,
    name,
    birthDate,
    partyGroupId,
    joinedDate,
  });

  it('labels a name nobody else has with the name alone', () => {
    const labels = personLabels([person('a', '王  芳', '1977-01-10'), person('b', '李娜', '1985-05-01')], groups);
    expect([...labels.values()]).toEqual(['王芳', '李娜']);
  });

  it('tells two 李娜 apart by birth year and 党小组', () => {
    const labels = personLabels(
      [person('a', '李娜', '1985-05-01', 'g1'), person('b', '李娜', '1990-03-02'), person('c', '张三', '1980-01-01')],
      groups,
    );
    expect(labels.get('a')).toBe('李娜（1985年生，第一党小组）');
    expect(labels.get('b')).toBe('李娜（1990年生）');
    expect(labels.get('c')).toBe('张三');
  });

  it('adds the 入党 date, then the birth date, when year and group are the same; numbers people alike in all', () => {
    const byJoined = personLabels(
      [person('a', '李娜', '1985-05-01', 'g1', '2008-07-01'), person('b', '李娜', '1985-09-09', 'g1', '2012-07-01')],
      groups,
    );
    expect([...byJoined.values()]).toEqual([
      '李娜（1985年生，第一党小组，2008-07-01入党）',
      '李娜（1985年生，第一党小组，2012-07-01入党）',
    ]);
    const byBirth = personLabels([person('a', '李娜', '1985-05-01'), person('b', '李娜', '1985-09-09')], groups);
    expect([...byBirth.values()]).toEqual([
      '李娜（1985-05-01生，2010-07-01入党）',
      '李娜（1985-09-09生，2010-07-01入党）',
    ]);
    // Entered twice with a different dot, before names were tidied on saving.
    const twice = personLabels([
      person('a', '阿依古丽•买买提', '1988-08-08'),
      person('b', '阿依古丽·买买提', '1988-08-08'),
    ]);
    expect([...twice.values()]).toEqual([
      '阿依古丽·买买提（1988-08-08生，2010-07-01入党，同名第1位）',
      '阿依古丽·买买提（1988-08-08生，2010-07-01入党，同名第2位）',
    ]);
  });
});

describe('comparePersonNames', () => {
  it('puts a surname read otherwise where it is read as a surname: 曾 under Z, 单 under S, 解 under X', () => {
    const names = ['曾子豪', '张三', '王五', '单伟', '邓一', '解放', '陈静'];
    expect([...names].sort(comparePersonNames)).toEqual(['陈静', '邓一', '单伟', '王五', '解放', '曾子豪', '张三']);
  });

  it('puts 𠮷 (Extension B, a surname read jí) under J, not after every other name', () => {
    expect(['𠮷野花', '张三', '黄明', '李四'].sort(comparePersonNames)).toEqual(['黄明', '𠮷野花', '李四', '张三']);
  });

  it('tells apart names that read alike, and leaves ordinary names in pinyin order', () => {
    expect(comparePersonNames('曾伟', '增伟')).not.toBe(0);
    expect(['李娜', '王芳', '刘强'].sort(comparePersonNames)).toEqual(['李娜', '刘强', '王芳']);
  });
});
