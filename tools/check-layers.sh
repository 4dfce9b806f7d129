#!/bin/sh
# check-layers.sh -- each layer includes only itself and what lies below it:
#   engine/core  <-  engine/data, engine/proto, engine/text  <-  engine/debrief (core and text only)
#                <-  engine/client, server, tools/*   (tests: anything)
# (tools/deck also draws with engine/client's code: card previews and the text-fit warnings)
# the core names no library but libc, and engine/debrief opens no file. Prints every offending
# #include or call; exit 1 if any.
cd "$(dirname "$0")/.." || exit 2
status=0

layer_of() { # path -> layer name
    case "$1" in
    engine/core/*) echo core ;;
    engine/data/*) echo data ;;
    engine/proto/*) echo proto ;;
    engine/text/*) echo text ;;
    engine/debrief/*) echo debrief ;;
    engine/client/*) echo client ;;
    server/*) echo server ;;
    tools/*/*) echo "tools/$(echo "$1" | cut -d/ -f2)" ;;
    *) echo other ;;
    esac
}

allowed() { # layer -> the layers it may include
    case "$1" in
    core) echo "core" ;;
    data | proto | text) echo "$1 core" ;;
    debrief) echo "debrief text core" ;;
    client | server) echo "$1 debrief data proto text core" ;;
    tools/deck) echo "$1 client debrief data proto text core" ;;
    tools/*) echo "$1 debrief data proto text core" ;;
    esac
}

# libraries a layer must not name (angle-bracket includes)
forbidden_libs() {
    case "$1" in
    core) echo "SDL jansson libxml uv sqlite3 sodium unicode pthread" ;;
    data) echo "SDL jansson uv sqlite3" ;;
    text | debrief) echo "SDL jansson libxml uv sqlite3 sodium xlsxwriter" ;;
    proto) echo "SDL libxml uv sqlite3 sodium" ;;
    esac
}

for f in $(find engine server tools -name '*.c' -o -name '*.h' | sort); do
    layer=$(layer_of "$f")
    dir=$(dirname "$f")
    ok_layers=$(allowed "$layer")
    # quoted includes: resolved as the compiler does (the file's folder, then -Iengine/core -Iengine)
    for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
        target=""
        for cand in "$dir/$inc" "engine/core/$inc" "engine/$inc"; do
            if [ -f "$cand" ]; then target=$cand; break; fi
        done
        if [ -z "$target" ]; then
            case "$inc" in
            gen/*) continue ;;
            esac
            echo "layers: $f includes \"$inc\", which is in no folder this layer may use"
            status=1
            continue
        fi
        target=$(realpath --relative-to=. "$target")
        tl=$(layer_of "$target")
        case " $ok_layers " in
        *" $tl "*) ;;
        *) echo "layers: $f ($layer) includes $target ($tl): $layer may use only: $ok_layers"; status=1 ;;
        esac
    done
    for lib in $(forbidden_libs "$layer"); do
        if grep -Eq "^[[:space:]]*#[[:space:]]*include[[:space:]]*<$lib[/._]" "$f"; then
            echo "layers: $f ($layer) includes <$lib...>, a library $layer does not use"
            status=1
        fi
    done
done
# the debrief is data for screens and exports: the caller reads and writes files, never the library
for f in $(find engine/debrief -name '*.c' -o -name '*.h' 2>/dev/null | sort); do
    if grep -En '\b(fopen|freopen|fdopen|open|openat|creat|fwrite|fputs|fputc|fprintf|printf|puts|mkdir|unlink|rename|opendir|remove)[[:space:]]*\(' "$f" >/dev/null; then
        grep -En '\b(fopen|freopen|fdopen|open|openat|creat|fwrite|fputs|fputc|fprintf|printf|puts|mkdir|unlink|rename|opendir|remove)[[:space:]]*\(' "$f" |
            sed "s|^|layers: $f: engine/debrief does no file I/O: |"
        status=1
    fi
done
[ $status -eq 0 ] && echo "layers: every include of engine/, server/ and tools/ points at its own layer or below; engine/debrief does no file I/O"
exit $status
