#!/usr/bin/env bash
# Checks the shipped deployment (deploy/): nginx accepts its configuration
# (`nginx -t`, Debian's nginx, with a throwaway certificate in place of the
# real one), the app accepts its configuration, the two agree (trusted proxy,
# upload size, upstream ports = the systemd instances), and systemd accepts
# the units (`systemd-analyze verify`, when systemd is installed).
#
#   tests/deploy/deploy_config_test.sh SOURCE_DIR WIJKPLATFORM_BINARY
set -euo pipefail
src="${1:?source folder}"
binary="$(realpath "${2:?wijkplatform binary}")"
deploy="$src/deploy"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. nginx -t on the shipped site configuration inside a minimal nginx.conf.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=wijkplatform.example.nl \
  -keyout "$tmp/privkey.pem" -out "$tmp/fullchain.pem" 2>/dev/null
sed -e "s#/etc/letsencrypt/live/wijkplatform.example.nl/#$tmp/#" \
    -e "s#/var/cache/nginx/wijkplatform#$tmp/cache#" \
    "$deploy/nginx/wijkplatform.conf" > "$tmp/site.conf"
grep -q "$tmp/fullchain.pem" "$tmp/site.conf" || fail "certificate path not found in the nginx configuration"
cat > "$tmp/nginx.conf" <<CONF
pid $tmp/nginx.pid;
error_log stderr;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $tmp/body;
  proxy_temp_path $tmp/proxy;
  fastcgi_temp_path $tmp/fastcgi;
  uwsgi_temp_path $tmp/uwsgi;
  scgi_temp_path $tmp/scgi;
  include $tmp/site.conf;
}
CONF
nginx -t -p "$tmp" -c "$tmp/nginx.conf" 2>"$tmp/nginx.out" || { cat "$tmp/nginx.out" >&2; fail "nginx -t"; }
grep -q "test is successful" "$tmp/nginx.out" || fail "nginx -t said: $(cat "$tmp/nginx.out")"

# 2. The app reads its configuration (doctor: exit 0 or 1 lists risks; 2 is a bad setting).
set +e
WP_CONFIG="$deploy/wijkplatform.conf" "$binary" doctor --json > "$tmp/doctor.json" 2>"$tmp/doctor.err"
rc=$?
set -e
[ "$rc" = 0 ] || [ "$rc" = 1 ] || fail "wijkplatform rejects deploy/wijkplatform.conf: $(cat "$tmp/doctor.err")"

# 3. The two agree.
setting() { sed -n "s/^$1 *= *//p" "$deploy/wijkplatform.conf"; }
upstream_hosts=$(sed -n 's/^ *server \([0-9.]*\):\([0-9]*\).*/\1/p' "$deploy/nginx/wijkplatform.conf" | sort -u)
upstream_ports=$(sed -n 's/^ *server \([0-9.]*\):\([0-9]*\).*/\2/p' "$deploy/nginx/wijkplatform.conf" | sort)
[ -n "$upstream_ports" ] || fail "no upstream servers in the nginx configuration"
[ "$(echo "$upstream_ports" | wc -l)" -ge 2 ] || fail "fewer than two server processes upstream"
for host in $upstream_hosts; do
  # nginx connects from the loopback address to upstreams on this machine.
  [ "$host" = 127.0.0.1 ] || fail "upstream $host: list nginx's address in trusted_proxies and here"
  setting trusted_proxies | tr ',' '\n' | sed 's/ //g' | grep -qx 127.0.0.1 || fail "trusted_proxies lacks 127.0.0.1"
  [ "$(setting listen_address)" = "$host" ] || fail "listen_address is not $host"
done
target_ports=$(grep -o 'wijkplatform@[0-9]*\.service' "$deploy/systemd/wijkplatform.target" | grep -o '[0-9]*' | sort)
[ "$upstream_ports" = "$target_ports" ] || fail "upstream ports ($upstream_ports) differ from the systemd instances ($target_ports)"
body_mib=$(sed -n 's/^ *client_max_body_size \([0-9]*\)m;/\1/p' "$deploy/nginx/wijkplatform.conf")
[ "$((body_mib * 1024))" = "$(setting max_upload_kib)" ] || fail "client_max_body_size ${body_mib}m differs from max_upload_kib"
grep -q 'proxy_set_header X-Forwarded-For \$remote_addr;' "$deploy/nginx/wijkplatform.conf" ||
  fail "nginx must replace X-Forwarded-For, not append to what the client sent"

# 4. systemd accepts the units (the binary path replaced by the one under test).
if command -v systemd-analyze >/dev/null 2>&1; then
  mkdir -p "$tmp/units"
  for unit in "$deploy"/systemd/*; do
    sed "s#/usr/local/bin/wijkplatform#$binary#" "$unit" > "$tmp/units/$(basename "$unit")"
  done
  cp "$tmp/units/wijkplatform@.service" "$tmp/units/wijkplatform@8081.service"
  SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$tmp/units/wijkplatform@8081.service" \
    "$tmp/units/wijkplatform-backup.service" "$tmp/units/wijkplatform-backup.timer" >"$tmp/verify.out" 2>&1 || true
  # Only problems with the units themselves count (a container has no running systemd).
  if grep -E 'wijkplatform[^ ]*\.(service|timer|target):[0-9]+:' "$tmp/verify.out" >&2; then fail "systemd-analyze verify"; fi
fi
echo "deploy configuration: ok (nginx -t, app settings, nginx and app agree, systemd units)"
