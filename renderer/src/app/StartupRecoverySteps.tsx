// The way forward from 「无法打开数据库」 that needs no open database: set the data folder aside, restore its backup.
import { Typography } from 'antd';
import { chinaToday } from '../../../shared/schemas/common';

/** Where the data folder is when the host cannot say: Windows' default, which Explorer and the file dialog expand. */
export const DEFAULT_DATA_FOLDER = '%APPDATA%\\branch-ledger';

export interface RecoveryPaths {
  /** The folder holding the data folder (where it is renamed). */
  parent: string;
  /** The data folder's own name (branch-ledger). */
  name: string;
  /** The name to give it: kept, never deleted, and recognisable to an administrator. */
  renamed: string;
  /** Its backups folder after the rename: where the file dialog is pointed. */
  renamedBackups: string;
}

/** The paths of the steps for `dataFolder` (Windows or Linux separators, as the host reported it) on `today`. */
export function recoveryPaths(dataFolder: string, now: Date = new Date()): RecoveryPaths {
  const separator = dataFolder.includes('\\') ? '\\' : '/';
  const trimmed = dataFolder.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('\\'), trimmed.lastIndexOf('/'));
  const parent = cut > 0 ? trimmed.slice(0, cut) : trimmed.slice(0, cut + 1);
  const name = trimmed.slice(cut + 1);
  const renamed = `${name}.损坏-${chinaToday(now).replaceAll('-', '')}`;
  return { parent, name, renamed, renamedBackups: `${parent}${separator}${renamed}${separator}backups` };
}

function Path({ children }: Readonly<{ children: string }>) {
  return (
    <Typography.Text code copyable={{ text: children, tooltips: ['复制', '已复制'] }}>
      {children}
    </Typography.Text>
  );
}

/**
 * The steps, in the words of the desktop app's own screens. Nothing is deleted or moved by the app: the user renames
 * the folder (the app cannot while it holds the database open), so the damaged data stay for the administrator.
 */
export function StartupRecoverySteps({ dataFolder }: Readonly<{ dataFolder?: string }>) {
  const { parent, name, renamed, renamedBackups } = recoveryPaths(dataFolder ?? DEFAULT_DATA_FOLDER);
  return (
    <div style={{ textAlign: 'left' }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        仍打不开时：从本机的自动备份恢复
      </Typography.Title>
      <Typography.Paragraph>
        以下步骤不删除任何数据：原来的数据文件夹只是改名，原样保留，可以交给管理员进一步处理。
      </Typography.Paragraph>
      <ol style={{ paddingInlineStart: 24, lineHeight: 2 }}>
        <li>关闭本软件（点窗口右上角的 ×）。</li>
        <li>
          打开「文件资源管理器」，在地址栏粘贴 <Path>{parent}</Path> 后按回车。
        </li>
        <li>
          找到 <Typography.Text code>{name}</Typography.Text> 文件夹，右键「重命名」，改为 <Path>{renamed}</Path>
          。提示文件夹正在使用时，请确认本软件已关闭，或重新启动电脑后再改。
        </li>
        <li>重新打开本软件。这时是一份空白台账，先不要录入。</li>
        <li>
          在左侧点「数据安全」→「从备份恢复」→「选择备份文件」，在「文件名」一栏粘贴 <Path>{renamedBackups}</Path>{' '}
          后按回车。
        </li>
        <li>
          {/* One string: a line break inside JSX text is a space, which Chinese text does not have. */}
          {'选日期最新的一个备份文件（文件名形如 daily-20250318-093000.zip，数字是备份的日期和时间），点「打开」。' +
            '校验通过后核对预览中的支部和记录条数，点「覆盖全部」。这个文件不能用时，换前一天的再试。'}
        </li>
        <li>所选备份之后录入的内容不在备份中，请核对后补录。</li>
      </ol>
    </div>
  );
}
