#!/bin/sh
# Compiles the flite JNI shim into the module's classes when gcc and flite's headers are here
# (Debian: apt-get install flite1-dev), and otherwise says so and does nothing: the speech engine
# then answers with its pure-Java synthesizer. Run by Maven (client-local's pom) at compile time.
# A compile error fails the build: with the headers here, a shim that does not build is a bug to see.
#   build.sh <java.home> <classes dir>
set -eu
java_home=$1
classes=$2
here=$(dirname "$0")
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x86_64 ;;
  Linux-aarch64) platform=linux-aarch64 ;;
  *) echo "[speech] flite shim: not built on $(uname -s)-$(uname -m); the pure-Java synthesizer will answer"; exit 0 ;;
esac
if ! command -v gcc >/dev/null 2>&1; then
  echo "[speech] flite shim: no gcc; not built, the pure-Java synthesizer will answer"; exit 0
fi
if [ ! -f "$java_home/include/jni.h" ]; then
  echo "[speech] flite shim: no jni.h under $java_home/include (a JRE, not a JDK); not built, the pure-Java synthesizer will answer"; exit 0
fi
if [ ! -f /usr/include/flite/flite.h ]; then
  echo "[speech] flite shim: no /usr/include/flite/flite.h (apt-get install flite1-dev); not built, the pure-Java synthesizer will answer"; exit 0
fi
out="$classes/dev/switchboard/local/speech/native/$platform"
mkdir -p "$out"
gcc -std=c99 -O2 -fPIC -shared -Wall -Wextra -Wl,--no-undefined \
  -I"$java_home/include" -I"$java_home/include/linux" \
  -o "$out/libswitchboard_flite.so" "$here/switchboard_flite.c" \
  -lflite_cmu_us_kal16 -lflite_cmu_us_rms -lflite_cmu_us_slt -lflite_cmu_us_awb \
  -lflite_usenglish -lflite_cmulex -lflite -lm
echo "[speech] flite shim: built $out/libswitchboard_flite.so"
