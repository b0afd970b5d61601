#!/usr/bin/env bash
# Writes SHA256SUMS for every artefact (*.deb, *.AppImage, and the Windows *.exe, so that a fully offline PC has a
# publisher-signed hash to compare with) in a folder and a detached ASCII-armoured GPG signature.
# Usage: GPG_KEY_ID=<key id or fingerprint> GPG_PASSPHRASE=<passphrase> scripts/release/sign-linux.sh <dir>
# The key must already be in the keyring (the release workflow imports it from a secret). Nothing is prompted.
set -euo pipefail

dir="${1:-}"
if [[ -z "$dir" || ! -d "$dir" ]]; then
  echo "用法：GPG_KEY_ID=… GPG_PASSPHRASE=… $0 <制品目录>" >&2
  exit 2
fi
if [[ -z "${GPG_KEY_ID:-}" ]]; then
  echo "缺少环境变量 GPG_KEY_ID（签名用的 GPG 密钥）" >&2
  exit 2
fi

cd "$dir"
shopt -s nullglob
artefacts=(*.deb *.AppImage *.exe)
if [[ ${#artefacts[@]} -eq 0 ]]; then
  echo "目录 $dir 中没有 .deb、.AppImage 或 .exe 文件" >&2
  exit 1
fi

# Bare file names, sorted, so `sha256sum -c SHA256SUMS` works from the download folder on any machine.
printf '%s\n' "${artefacts[@]}" | LC_ALL=C sort | xargs -d '\n' sha256sum -- > SHA256SUMS
rm -f SHA256SUMS.asc

# The passphrase goes through a file descriptor, never the command line (visible in `ps`) or a file on disk.
gpg --batch --yes --pinentry-mode loopback --passphrase-fd 3 \
  --local-user "$GPG_KEY_ID" --armor --detach-sign --output SHA256SUMS.asc SHA256SUMS \
  3<<<"${GPG_PASSPHRASE:-}"

gpg --batch --verify SHA256SUMS.asc SHA256SUMS 2>/dev/null
echo "已写入 $dir/SHA256SUMS（${#artefacts[@]} 个文件）和 SHA256SUMS.asc"
