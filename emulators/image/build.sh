#!/usr/bin/env bash
# Builds Testbed's LocalStack-compatible emulator image if it is missing and prints its tag
# (testbed/emulators:src-<hash of the lock file and the edge's sources>) as the last line.
#  - online, when the Node base image can be had: image/Dockerfile;
#  - offline, otherwise: a root filesystem of this machine's node binary, the libraries it
#    links and the installed emulators, imported with `docker import`.
# TESTBED_IMAGE_BUILD=dockerfile|offline forces one way. Progress goes to stderr.
set -euo pipefail
emulators=$(cd "$(dirname "$0")/.." && pwd)
say() { printf 'testbed image: %s\n' "$*" >&2; }

if ! docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
  say "no Docker engine answers (docker version failed): start one (dockerd), or use the Embedded mode"
  exit 3
fi

hash=$(cat "$emulators/package-lock.json" "$emulators/edge.js" "$emulators/launch.js" "$emulators"/lib/*.js \
  "$emulators/image/Dockerfile" "$emulators/image/build.sh" | sha256sum | cut -c1-12)
# Never a bare hash: Testcontainers' LocalStack module reads a tag that starts with digits as LocalStack's version, and
# from "4.15" on it refuses to start without a LocalStack auth token (a hash such as 9c176d4337d3 read as version 9).
tag="testbed/emulators:src-$hash"

# Test assemblies start in parallel: one build at a time, and the others then find the image.
exec 9>"$emulators/.image-build.lock"
flock 9
if docker image inspect "$tag" >/dev/null 2>&1; then
  echo "$tag"
  exit 0
fi

started=$(date +%s)
way=${TESTBED_IMAGE_BUILD:-auto}
if [ "$way" = auto ]; then
  way=offline
  if timeout 20 docker pull -q node:20-bookworm-slim >/dev/null 2>&1; then way=dockerfile; fi
fi

if [ "$way" = dockerfile ]; then
  say "building $tag from image/Dockerfile"
  DOCKER_BUILDKIT=0 docker build -q -f "$emulators/image/Dockerfile" -t "$tag" "$emulators" >&2
else
  say "no registry answers: building $tag offline from this machine's node and emulators"
  if [ ! -d "$emulators/node_modules/kinesalite" ]; then
    say "installing the emulators (npm ci)"
    (cd "$emulators" && npm ci --no-audit --no-fund >&2)
  fi
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  node=$(readlink -f "$(command -v node)")
  install -D -m 755 "$node" "$root/usr/local/bin/node"
  for library in $(ldd "$node" | grep -o '/[^ ]*'); do
    install -D -m 755 "$(readlink -f "$library")" "$root$library"
  done
  mkdir -p "$root/opt/testbed" "$root/tmp" "$root/var/lib/localstack"
  chmod 1777 "$root/tmp"
  cp -r "$emulators/package.json" "$emulators/edge.js" "$emulators/launch.js" "$emulators/lib" "$emulators/node_modules" "$root/opt/testbed/"
  tar -C "$root" -c . | docker import \
    -c 'WORKDIR /opt/testbed' \
    -c 'EXPOSE 4566' \
    -c 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
    -c 'ENTRYPOINT ["/usr/local/bin/node", "--max-semi-space-size=64", "/opt/testbed/edge.js", "--host", "0.0.0.0", "--port", "4566"]' \
    - "$tag" >/dev/null
fi
say "built $tag in $(( $(date +%s) - started )) s ($(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1000000}'))"
echo "$tag"
