# Sourced by .ci/run: makes sure PostgreSQL and Redis answer on this machine for the
# scale-out suites, then exports DATABASE_URL and REDIS_URL. A service that is not
# running is started; one that is not installed is installed from Debian's packages
# first (CI runs as root). A DATABASE_URL or REDIS_URL already set is used as it is.

ci_apt_updated=''
ci_apt_install() {
  if [ -z "$ci_apt_updated" ]; then
    apt-get update -qq
    ci_apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# True when something accepts TCP connections at host $1, port $2.
ci_port_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# Waits up to 60 s for host $1, port $2 to accept connections; $3 names the service.
ci_wait_for_port() {
  for _ in $(seq 1 60); do
    if ci_port_open "$1" "$2"; then return 0; fi
    sleep 1
  done
  echo "$3 did not start listening on $1:$2 within 60 s" >&2
  return 1
}

ci_start_postgres() {
  local fresh=''
  if ! ci_port_open 127.0.0.1 5432; then
    if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
      echo "Installing PostgreSQL from Debian's packages"
      ci_apt_install postgresql
      fresh=1
    fi
    local version
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    if [ ! -d "/etc/postgresql/$version/main" ]; then
      pg_createcluster "$version" main
      fresh=1
    fi
    if [ -n "$fresh" ]; then
      # Tests connect over TCP without a password, as on the development machines.
      local hba="/etc/postgresql/$version/main/pg_hba.conf"
      printf 'host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n' |
        cat - "$hba" >"$hba.new"
      mv "$hba.new" "$hba"
      chown postgres:postgres "$hba"
    fi
    echo "Starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    ci_wait_for_port 127.0.0.1 5432 PostgreSQL
  fi
  if ! runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" |
    grep -q 1; then
    runuser -u postgres -- createdb test
  fi
}

ci_start_redis() {
  if ci_port_open 127.0.0.1 6379; then return 0; fi
  if ! command -v redis-server >/dev/null; then
    echo "Installing Redis from Debian's packages"
    ci_apt_install redis-server
  fi
  echo 'Starting Redis'
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save '' --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  ci_wait_for_port 127.0.0.1 6379 Redis
}

if [ -z "${DATABASE_URL:-}" ]; then
  ci_start_postgres
  export DATABASE_URL='postgres://postgres@127.0.0.1:5432/test'
fi
if [ -z "${REDIS_URL:-}" ]; then
  ci_start_redis
  export REDIS_URL='redis://127.0.0.1:6379'
fi
