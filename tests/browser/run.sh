#!/usr/bin/env bash
# run.sh — builds the example site and checks it in a real browser:
#   1. cargo build --release, then gongkai build --drafts --output <tmp>/site of a copy of the
#      example site (content/, static/, site.toml, themes/) with a draft report added and
#      fixtures/as-published/ added to its content/: a report kept as published (as_published:
#      true) whose figures do not all agree, so that the 草稿 banner, the 数据核对提示 box and
#      empty cells are checked like every other page; and fixtures/documents/ with 21 notices
#      generated beside them (with_documents): the catalogue's document pages, a 解读, an
#      attachment and listings of two pages; and fixtures/hierarchy/: a county (shuixiang) with a town
#      under it (xitang, `parent: shuixiang`) whose 2020 report writes an amount without its
#      unit, so that the year page's 各上级机构汇总 (with a 不详 cell) and the agency page's
#      下级机构 are checked too
#   2. the Nu Html Checker on every HTML file (0 errors and 0 warnings: --Werror)
#   3. serve.mjs serves the output under http://127.0.0.1:<free port>/portal/zfxxgk/
#   4. check.mjs: axe-core (1280 px, 390 px, large-text mode), no sideways scroll at 360 px,
#      the link crawl; a11y.mjs: what the rules cannot see (reflow at 320 px and wide tables,
#      text spacing, keyboard only, what a screen reader reads, the 适老化 switch kept across pages);
#      search.mjs: the site search (the issue's queries found first, 没有找到, a filter, the header
#      box by keyboard, axe with results shown, no request leaving the site, file://)
#   5. reload.mjs: `gongkai serve` on a temporary copy of content/ and site.toml: edits are swapped
#      into the open page in place (write → shown latency printed), a title edit reloads it, a
#      broken report shows the error overlay, the fix shows the page again, SIGINT exits 0
# The last line is "N passed, M failed" (vnu counts one check per HTML file; build is one check;
# check.mjs and reload.mjs add their own counts).
# Exit 0 only if everything passed.
#
#   bash tests/browser/run.sh            (from anywhere; needs what .ci/run installs:
#                                         chromium, fonts-noto-cjk, java >= 11, node >= 20)
# Environment: GONGKAI_BROWSER_DEPS  where the npm packages are installed
#                                     (default ~/.cache/gongkai-browser-tests; installed with
#                                     `npm ci --prefix` if missing or out of date)
#              KEEP=1                 keep the temporary folder (site, logs)
#              SITE_DIR               check this already built folder instead of building (the
#                                     reload test then uses an existing release/gongkai in the
#                                     target directory, and is skipped without one); build it
#                                     as step 1 does, with the fixture, or its report page fails
#              CARGO_TARGET_DIR       where cargo puts the binary (default <repo>/target; a
#                                     target-dir set in .cargo/config.toml is found too)
#              CHROMIUM               browser binary (default /usr/bin/chromium)
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
DEPS=${GONGKAI_BROWSER_DEPS:-${XDG_CACHE_HOME:-$HOME/.cache}/gongkai-browser-tests}
export GONGKAI_BROWSER_DEPS=$DEPS
PREFIX=/portal/zfxxgk/

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-browser-XXXXXX")
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill -- "-$SERVER_PID" 2>/dev/null || kill "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

passed=0
failed=0
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ] && exit 0 || exit 1
}
die() { # a prerequisite is missing: nothing could be checked
  echo "run.sh: $*" >&2
  failed=$((failed + 1))
  finish
}

# ---------------------------------------------------------------- prerequisites
command -v node >/dev/null || die "no node (Node.js >= 20 is needed)"
node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' ||
  die "node $(node --version) is too old: playwright-core 1.65 needs Node >= 20"
java -version >/dev/null 2>&1 || die "no java (>= 11) for the Nu Html Checker: apt-get install -y default-jre-headless"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || die "no ${CHROMIUM:-/usr/bin/chromium}: apt-get install -y chromium"
[ -n "$(fc-list :lang=zh 2>/dev/null)" ] || die "no CJK font (Chinese would render as boxes): apt-get install -y fonts-noto-cjk"

# npm packages: outside the repository, reinstalled when the lock file changes.
if ! cmp -s "$HERE/package-lock.json" "$DEPS/package-lock.json" || [ ! -d "$DEPS/node_modules/playwright-core" ]; then
  echo "== installing the browser test packages into $DEPS"
  mkdir -p "$DEPS"
  cp "$HERE/package.json" "$HERE/package-lock.json" "$DEPS/"
  npm ci --prefix "$DEPS" --no-audit --no-fund --ignore-scripts || die "npm ci --prefix $DEPS failed"
fi
VNU_JAR=$DEPS/node_modules/vnu-jar/build/dist/vnu.jar
[ -f "$VNU_JAR" ] || die "no $VNU_JAR"

# ---------------------------------------------------------------- 1. build
# Where cargo puts the binary: cargo itself says (CARGO_TARGET_DIR, .cargo/config.toml), else target/.
TARGET_DIR=$(cd "$REPO" && cargo metadata --format-version 1 --no-deps 2>/dev/null |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{process.stdout.write(JSON.parse(s).target_directory)}catch{}})')
[ -n "$TARGET_DIR" ] || TARGET_DIR=${CARGO_TARGET_DIR:-$REPO/target}
case $TARGET_DIR in /*) ;; *) TARGET_DIR=$REPO/$TARGET_DIR ;; esac
GONGKAI=$TARGET_DIR/release/gongkai
SITE=$WORK/site
# A copy of the example site's sources with a draft, baibu's 2022 report as `gongkai new report`
# writes it, so that the 草稿 banner and marks are checked too (reports/baibu/2022/ in check.mjs).
with_draft() {
  mkdir -p "$1" && cp -R "$REPO/content" "$REPO/static" "$REPO/site.toml" "$1/" &&
    "$GONGKAI" --root "$1" new report --agency baibu --year 2022 &&
    { grep -q '^draft: true' "$1/content/reports/baibu/2022.md" ||
      sed -i 's/^year: 2022/draft: true\nyear: 2022/' "$1/content/reports/baibu/2022.md"; }
}
# The catalogue (政府信息公开目录) of fixtures/documents/ (a 废止 document with an attachment, the
# document that replaced it and its 解读), and 21 notices generated here, so that every listing
# of the fictional 清水乡 has a second page (a listing page holds 20).
with_documents() {
  cp -R "$HERE/fixtures/documents/." "$1/content/" || return 1
  local i
  for i in $(seq -w 1 21); do
    printf -- '---\ntitle: 清水乡关于做好第%s批民生实事项目的通知（浏览器测试用）\nindex_no: 113304240000000000/2024-01%s\nwritten: 2024-04-%s\npublished: 2024-04-%s\ndoc_no: 清政办〔2024〕%s号\ntopic: 综合政务\nkind: 通知公告\nitem: 十一\n---\n本通知为浏览器测试虚构。\n' \
      "$i" "$i" "$i" "$i" "$((10#$i))" > "$1/content/documents/qingshui/tz-$i.md" || return 1
  done
}
if [ -n "${SITE_DIR:-}" ]; then
  echo "== checking the already built $SITE_DIR (SITE_DIR), not building"
  SITE=$(cd "$SITE_DIR" && pwd) || die "no folder $SITE_DIR"
  passed=$((passed + 1))
elif echo "== building the example site with a draft report and the fixtures of $HERE/fixtures (build --drafts)" &&
  (cd "$REPO" && cargo build --release) 2>&1 && with_draft "$WORK/source" &&
  cp -R "$REPO/themes" "$WORK/source/" && cp -R "$HERE/fixtures/as-published/." "$WORK/source/content/" &&
  cp -R "$HERE/fixtures/hierarchy/." "$WORK/source/content/" &&
  with_documents "$WORK/source" &&
  "$GONGKAI" --root "$WORK/source" build --drafts --output "$SITE" 2>&1; then
  passed=$((passed + 1))
  echo "ok   build into $SITE"
else
  failed=$((failed + 1))
  echo "FAIL build"
  finish
fi

# ---------------------------------------------------------------- 2. Nu Html Checker
echo "== Nu Html Checker $(java -jar "$VNU_JAR" --version 2>/dev/null) on every HTML file"
mapfile -t HTML < <(cd "$SITE" && find . -name '*.html' | sed 's|^\./||' | sort)
java -jar "$VNU_JAR" --Werror --skip-non-html --format gnu "$SITE" > "$WORK/vnu.log" 2>&1
vnu_rc=$?
sed "s|\"file:$SITE/|\"|" "$WORK/vnu.log"
if [ "${#HTML[@]}" -eq 0 ]; then
  failed=$((failed + 1)); echo "FAIL vnu: no HTML file in $SITE"
fi
bad_files=0
for f in "${HTML[@]}"; do
  if grep -qF "\"file:$SITE/$f\"" "$WORK/vnu.log"; then
    failed=$((failed + 1)); bad_files=$((bad_files + 1))
    echo "FAIL vnu $f: $(grep -cF "\"file:$SITE/$f\"" "$WORK/vnu.log") message(s)"
  else
    passed=$((passed + 1))
    echo "ok   vnu $f"
  fi
done
if [ "$vnu_rc" -ne 0 ] && [ "$bad_files" -eq 0 ]; then
  failed=$((failed + 1)); echo "FAIL vnu exited $vnu_rc (see the messages above)"
fi

# ---------------------------------------------------------------- 3. server
# setsid: own process group, so the trap stops the server and anything it started.
setsid node "$HERE/serve.mjs" "$SITE" --prefix "$PREFIX" > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVER_PID=$!
BASE=
for _ in $(seq 100); do
  BASE=$(grep -o 'http://127\.0\.0\.1:[0-9]*/[^ ]*' "$WORK/serve.out" 2>/dev/null | head -1)
  [ -n "$BASE" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$BASE" ]; then
  cat "$WORK/serve.err" >&2
  die "the server did not start"
fi
echo "== browser checks against $BASE"

# ---------------------------------------------------------------- 4. browser checks
node "$HERE/check.mjs" "$BASE" --dir "$SITE" 2>&1 | tee "$WORK/check.log"
check_rc=${PIPESTATUS[0]}
summary=$(tail -n 1 "$WORK/check.log")
if [[ $summary =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
  passed=$((passed + BASH_REMATCH[1]))
  failed=$((failed + BASH_REMATCH[2]))
  if [ "$check_rc" -ne 0 ] && [ "${BASH_REMATCH[2]}" -eq 0 ]; then
    failed=$((failed + 1)); echo "FAIL check.mjs exited $check_rc"
  fi
else
  failed=$((failed + 1)); echo "FAIL check.mjs exited $check_rc without its summary line"
fi

echo "== accessibility beyond the rules (a11y.mjs)"
node "$HERE/a11y.mjs" "$BASE" 2>&1 | tee "$WORK/a11y.log"
a11y_rc=${PIPESTATUS[0]}
summary=$(tail -n 1 "$WORK/a11y.log")
if [[ $summary =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
  passed=$((passed + BASH_REMATCH[1]))
  failed=$((failed + BASH_REMATCH[2]))
  if [ "$a11y_rc" -ne 0 ] && [ "${BASH_REMATCH[2]}" -eq 0 ]; then
    failed=$((failed + 1)); echo "FAIL a11y.mjs exited $a11y_rc"
  fi
else
  failed=$((failed + 1)); echo "FAIL a11y.mjs exited $a11y_rc without its summary line"
fi

echo "== site search (search.mjs)"
node "$HERE/search.mjs" "$BASE" --dir "$SITE" 2>&1 | tee "$WORK/search.log"
search_rc=${PIPESTATUS[0]}
summary=$(tail -n 1 "$WORK/search.log")
if [[ $summary =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
  passed=$((passed + BASH_REMATCH[1]))
  failed=$((failed + BASH_REMATCH[2]))
  if [ "$search_rc" -ne 0 ] && [ "${BASH_REMATCH[2]}" -eq 0 ]; then
    failed=$((failed + 1)); echo "FAIL search.mjs exited $search_rc"
  fi
else
  failed=$((failed + 1)); echo "FAIL search.mjs exited $search_rc without its summary line"
fi

# ---------------------------------------------------------------- 5. live reload
# The preview on a copy of the example site's sources (the test edits them); TMPDIR inside $WORK,
# so the preview folder of a crashed server goes away with the rest.
if [ -n "${SITE_DIR:-}" ] && [ ! -x "$GONGKAI" ]; then
  echo "== skipping the live reload test: no $GONGKAI (SITE_DIR: nothing was built)"
else
  RELOAD_SITE=$WORK/reload-site
  mkdir -p "$RELOAD_SITE" "$WORK/tmp"
  cp -R "$REPO/content" "$REPO/static" "$REPO/site.toml" "$RELOAD_SITE/"
  echo "== live reload: gongkai serve on $RELOAD_SITE"
  TMPDIR=$WORK/tmp node "$HERE/reload.mjs" "$GONGKAI" "$RELOAD_SITE" 2>&1 | tee "$WORK/reload.log"
  reload_rc=${PIPESTATUS[0]}
  summary=$(tail -n 1 "$WORK/reload.log")
  if [[ $summary =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1]))
    failed=$((failed + BASH_REMATCH[2]))
    if [ "$reload_rc" -ne 0 ] && [ "${BASH_REMATCH[2]}" -eq 0 ]; then
      failed=$((failed + 1)); echo "FAIL reload.mjs exited $reload_rc"
    fi
  else
    failed=$((failed + 1)); echo "FAIL reload.mjs exited $reload_rc without its summary line"
  fi
fi

echo "== total"
finish
