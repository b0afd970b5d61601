// Editable attachments of a record: a real file input with a visible label, per-file Chinese errors, tiles, viewer.
import { visuallyHidden } from '../visuallyHidden';
import { UploadOutlined } from '../icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { ATTACHMENT_MAX_BYTES } from '../../../../shared/domain/vocab';
import { addAttachment, ATTACHMENT_ACCEPT } from '../../db/repositories/attachments';
import { ValidationError } from '../../db/repositories/errors';
import { AttachmentTiles } from './AttachmentTiles';
import { useAttachments } from './useAttachments';

interface Props {
  branchId: string;
  value: string[];
  onChange(ids: string[]): void;
  disabled?: boolean;
  label: string;
}

interface FileError {
  key: string;
  message: string;
}

function reasonOf(file: File, error: unknown): string {
  if (error instanceof ValidationError) return error.issues.map((issue) => issue.message).join('；');
  return `“${file.name}” 上传失败：${error instanceof Error ? error.message : String(error)}`;
}

export function AttachmentField({ branchId, value, onChange, disabled, label }: Readonly<Props>) {
  const inputId = `attachments-${useId().replace(/:/g, '')}`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FileError[]>([]);
  const attachments = useAttachments(value);

  const upload = async (files: File[]) => {
    if (files.length === 0) return;
    setBusy(true);
    setErrors([]);
    const added: string[] = [];
    const failed: FileError[] = [];
    // One by one: a refused file is reported and the others still go in.
    for (const [index, file] of files.entries()) {
      try {
        const meta = await addAttachment(branchId, file);
        // The same photo chosen twice is stored once and listed once.
        if (!value.includes(meta.id) && !added.includes(meta.id)) added.push(meta.id);
      } catch (error) {
        failed.push({ key: `${index}-${file.name}`, message: reasonOf(file, error) });
      }
    }
    setBusy(false);
    setErrors(failed);
    if (added.length > 0) onChange([...value, ...added]);
  };

  return (
    <div>
      <Flex align="center" wrap gap={12} style={{ marginBottom: 8 }}>
        <label htmlFor={inputId} style={{ fontWeight: 500 }}>
          {label}
        </label>
        <input
          id={inputId}
          ref={inputRef}
          type="file"
          multiple
          accept={ATTACHMENT_ACCEPT}
          disabled={disabled || busy}
          tabIndex={-1}
          style={visuallyHidden}
          onChange={(event) => {
            const files = Array.from(event.target.files ?? []);
            // Cleared so that choosing the same file again fires a change.
            event.target.value = '';
            void upload(files);
          }}
        />
        <Button icon={<UploadOutlined />} loading={busy} disabled={disabled} onClick={() => inputRef.current?.click()}>
          {busy ? '正在上传…' : '选择文件'}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          支持 JPG、PNG、WebP 图片和 PDF，每个文件不超过 {ATTACHMENT_MAX_BYTES / (1024 * 1024)} MB
        </Typography.Text>
      </Flex>
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setErrors([])}
          title={errors.length === 1 ? '有 1 个文件未能上传' : `有 ${errors.length} 个文件未能上传`}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {errors.map((error) => (
                <li key={error.key}>{error.message}</li>
              ))}
            </ul>
          }
          style={{ marginBottom: 8 }}
        />
      )}
      {attachments && (
        <AttachmentTiles
          attachments={attachments}
          disabled={disabled}
          onRemove={(id) => onChange(value.filter((v) => v !== id))}
        />
      )}
    </div>
  );
}
