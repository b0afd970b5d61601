// Keys of the settings table, in one place so invariants and repositories agree.

/** The branch the user is working on (a branch id). */
export const SETTING_CURRENT_BRANCH = 'currentBranchId';

/** The frequency rule pack the 工作台 and the 卷宗 measure records against (a RulePack id; 条例默认 when unset). */
export { RULE_PACK_SETTING as SETTING_RULE_PACK } from '../../../shared/rules/packs';
