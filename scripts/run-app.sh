#!/usr/bin/env bash
# One command to set up (first time) and open KPI Wizard.
#   scripts/run-app.sh                  open the app (set it up first if needed)
#   scripts/run-app.sh --lang en        the app in English
#   scripts/run-app.sh check plan.kpiwiz   any command of `kpiwizard --help` (no screen needed)
set -euo pipefail
cd "$(dirname "$0")/.."

# Does this run open a window? Yes for no command or `gui`; not for the command-line tools.
opens_window() {
  local arg skip=0
  for arg in "$@"; do
    if [ "$skip" = 1 ]; then skip=0; continue; fi
    case "$arg" in
      -h|--help|--version) return 1 ;;
      --lang) skip=1 ;;  # its value is not a command
      -*) ;;
      gui) return 0 ;;
      *) return 1 ;;
    esac
  done
  return 0
}

# On Linux a window needs an X11 or Wayland session. Without one, Qt stops with a message about
# "xcb-cursor0 ... reinstalling the application", which sends people the wrong way: say what is
# wrong and what to do instead, before spending minutes on set-up.
no_display() {
  cat >&2 <<'EOF'
KPI 마법사를 열 화면이 없습니다 (DISPLAY, WAYLAND_DISPLAY가 비어 있음).
  - 컴퓨터의 데스크톱 화면에서 터미널을 열고 다시 실행하세요.
  - SSH로 접속했다면 화면 전달을 켜고 접속하세요: ssh -X 사용자@컴퓨터
  - 화면 없이도 명령줄 기능은 쓸 수 있습니다: scripts/run-app.sh --help
    (예: scripts/run-app.sh check 계획.kpiwiz, scripts/run-app.sh export 계획.kpiwiz --pdf 계획.pdf)
  프로그램을 다시 설치할 필요는 없습니다.

KPI Wizard has no screen to open on (DISPLAY and WAYLAND_DISPLAY are empty).
  - Open a terminal on the computer's desktop and run this again.
  - Over SSH, connect with display forwarding: ssh -X user@computer
  - The command-line tools work without a screen: scripts/run-app.sh --help
    (e.g. scripts/run-app.sh check plan.kpiwiz, scripts/run-app.sh export plan.kpiwiz --pdf plan.pdf)
  There is no need to reinstall anything.
EOF
  exit 3
}

if [ "$(uname -s)" = "Linux" ] && opens_window "$@" \
  && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  # QT_QPA_PLATFORM=offscreen/vnc/eglfs... is someone who knows they have no desktop session
  case "${QT_QPA_PLATFORM:-}" in
    ""|xcb|wayland*) no_display ;;
  esac
fi

if [ ! -x .venv/bin/kpiwizard ]; then
  echo "처음 실행: KPI 마법사를 설치합니다. 몇 분 걸립니다 (진행 상황이 아래에 나옵니다)."
  echo "First run: setting up KPI Wizard. This takes a few minutes (progress below)."
  if ! bash scripts/setup.sh; then
    echo "설치하지 못했습니다. 위의 메시지를 확인하고 다시 실행하세요." >&2
    echo "Set-up failed: see the messages above, then run this again." >&2
    exit 1
  fi
  echo "설치를 마쳤습니다. / Set-up done."
fi
if opens_window "$@"; then
  echo "KPI 마법사를 여는 중... / Opening KPI Wizard..."
fi
exec .venv/bin/kpiwizard "$@"
