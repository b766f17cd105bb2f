#!/usr/bin/env bash
# Installs the real WS-Management clients that ConformanceTests/WsMan drives against `cimcloud serve`:
#   - sblim wbemcli (Debian package sblim-wbemcli), the CIM-XML client of ConformanceTests/CimXml
#   - Dell wsl (Debian package wsl; it needs uuidgen from uuid-runtime, curl and xmllint)
#   - pywinrm (Debian package python3-winrm, used with /usr/bin/python3)
#   - Intel/DMT @device-management-toolkit/wsman-messages (npm, pinned in ConformanceTests/WsMan/clients/package-lock.json)
# Idempotent and quick when everything is there: apt-get runs only for missing packages (apt-get update only when
# the package lists cannot provide them), npm only when the pinned version is not installed yet.
# Runs as root in CI; elsewhere it uses sudo for apt-get.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

clients_dir="ConformanceTests/WsMan/clients"
apt_packages=(wsl uuid-runtime python3-winrm sblim-wbemcli)
apt_packages+=(libvirt0) # libvirt.so.0 for the libvirt backend tests (Providers/tests/Libvirt, in-process test:///default)
command -v node >/dev/null 2>&1 || apt_packages+=(nodejs)
command -v npm >/dev/null 2>&1 || apt_packages+=(npm)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-clients: not root and no sudo; run as root" >&2; exit 1; }
  sudo_cmd=(sudo)
fi

is_installed() {
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

has_candidate() {
  local candidate
  candidate="$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ { print $2 }')"
  [ -n "$candidate" ] && [ "$candidate" != "(none)" ]
}

missing=()
for package in "${apt_packages[@]}"; do
  is_installed "$package" || missing+=("$package")
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "install-clients: apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  need_update=0
  for package in "${missing[@]}"; do
    has_candidate "$package" || need_update=1
  done
  if [ "$need_update" -eq 1 ]; then
    "${sudo_cmd[@]}" apt-get update -qq
  fi
  if ! "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
    # Stale package lists (a version that the mirror no longer has): refresh once and retry.
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

# npm: install exactly what package-lock.json pins, unless that version is already in node_modules.
wanted="$(node -e 'const l = require(process.argv[1]); process.stdout.write(l.packages["node_modules/@device-management-toolkit/wsman-messages"].version)' "$PWD/$clients_dir/package-lock.json")"
installed="$(node -e 'try { process.stdout.write(require(process.argv[1]).version) } catch { }' "$PWD/$clients_dir/node_modules/@device-management-toolkit/wsman-messages/package.json")"
if [ "$installed" != "$wanted" ]; then
  echo "install-clients: npm ci in $clients_dir (@device-management-toolkit/wsman-messages $wanted)"
  (cd "$clients_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi

# Check that every client works as the tests call it.
for tool in wsl wslid wslget wslput wslinvoke uuidgen curl xmllint wbemcli; do
  command -v "$tool" >/dev/null 2>&1 || { echo "install-clients: $tool is still missing" >&2; exit 1; }
done
/usr/bin/python3 -c 'import winrm, xmltodict' || { echo "install-clients: /usr/bin/python3 cannot import winrm" >&2; exit 1; }
(cd "$clients_dir" && node -e 'require("@device-management-toolkit/wsman-messages/WSMan")') \
  || { echo "install-clients: node cannot load @device-management-toolkit/wsman-messages" >&2; exit 1; }
echo "install-clients: wsl $(dpkg-query -W -f='${Version}' wsl), python3-winrm $(dpkg-query -W -f='${Version}' python3-winrm), node $(node --version), wsman-messages $wanted"
