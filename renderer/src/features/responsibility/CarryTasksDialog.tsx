// Asked by 复制上一年度 when last year left tasks unfinished: which of them go on in the new year's lists.
import { Checkbox, Flex, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isTaskOverdue, type CarryChoice } from '../../db/repositories/responsibilities';

interface Props {
  /** The year copied into; its previous year's unfinished tasks are `choices`. */
  year: number;
  choices: readonly CarryChoice[];
  today: string;
  /** 复制: the ids of the tasks to carry (none: the duties only). */
  onConfirm: (carryTaskIds: string[]) => void;
  onCancel: () => void;
}

/** Drawn while the question is open: every task ticked, as carrying on what is unfinished is the usual case. */
export function CarryTasksDialog({ year, choices, today, onConfirm, onCancel }: Readonly<Props>) {
  const [checked, setChecked] = useState<string[]>(() => choices.map((c) => c.task.id));
  return (
    <Modal
      open
      title="复制上一年度"
      okText={checked.length > 0 ? `复制并转入 ${checked.length} 项任务` : '只复制职责'}
      cancelText="取消"
      onOk={() => onConfirm(checked)}
      onCancel={onCancel}
      width={640}
    >
      <Typography.Paragraph>
        {`${year - 1}年度有 ${choices.length} 项任务尚未完成。勾选的任务转入${year}年度同一责任人的清单，原完成时限不变，` +
          `办完后在${year}年度清单中标为“已完成”；时限已过的，下次编辑该清单时请改为${year}年度内的新时限。` +
          `不勾选的留在${year - 1}年度，仍算未完成。`}
      </Typography.Paragraph>
      <Checkbox.Group value={checked} onChange={(ids) => setChecked(ids)} style={{ width: '100%' }}>
        <Flex vertical gap={8}>
          {choices.map((c) => (
            <Checkbox key={c.task.id} value={c.task.id}>
              {c.task.title}
              <Typography.Text type="secondary">
                （{c.holderName}，{c.role}，{c.task.deadline ? `时限 ${c.task.deadline}` : '未定时限'}，{c.task.status}
                ）
              </Typography.Text>
              {isTaskOverdue(c.task, today) && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  已逾期
                </Tag>
              )}
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
    </Modal>
  );
}
