// Entry point of the backup codec: the format's tables and manifest, the streaming writer and the validating reader.
export * from './hash';
export * from './manifest';
export * from './reader';
export * from './tables';
export { BackupWriteError, writeBackup } from './writer';
export type { BackupAttachmentSource, BackupSink, BackupSource, WriteBackupOptions } from './writer';
