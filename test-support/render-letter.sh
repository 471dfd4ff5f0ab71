#!/usr/bin/env bash
# Renders the fixture letters (LetterSampleTest → target/letter-sample*.pdf) and page images to look at.
#
#   test-support/render-letter.sh          # PDFs + target/letter-sample-p1.png, -p2.png (60 dpi)
#   test-support/render-letter.sh --docs   # also refresh docs/sample-letter-p1.png and -p2.png (800 px wide)
#                                          # from a run of the README's command on input-samples/
#
# Needs JDK 25 (JAVA_HOME), the BIZ UD Gothic font (fonts-morisawa-bizud-gothic) and poppler-utils (pdftoppm).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"

./mvnw -B -q -o test -Dtest='jp.expirynotices.letter.LetterSampleTest' -Dsurefire.failIfNoSpecifiedTests=false

pdftoppm -r 60 -png -f 1 -l 1 -singlefile target/letter-sample.pdf target/letter-sample-p1
pdftoppm -r 60 -png -f 2 -l 2 -singlefile target/letter-sample.pdf target/letter-sample-p2
echo "wrote target/letter-sample.pdf, target/letter-sample-[1-5].pdf, target/letter-sample-p1.png, -p2.png"

if [[ "${1:-}" == "--docs" ]]; then
    # The README's run command, into target/ so that out/ and data/ are left alone.
    ./mvnw -B -q -o -DskipTests package
    rm -rf target/docs-run
    "$JAVA_HOME/bin/java" -jar target/expiry-notices.jar --run-date=2026-11-24 --output-dir=target/docs-run/out \
        --spring.datasource.url="jdbc:hsqldb:file:target/docs-run/db;shutdown=true"
    sample=$(sed -n 2p target/docs-run/out/2026-11-24/manifest.csv | cut -d, -f7)
    mkdir -p docs
    for page in 1 2; do
        pdftoppm -scale-to-x 800 -scale-to-y -1 -png -f $page -l $page -singlefile \
            "target/docs-run/out/2026-11-24/$sample" target/sample-letter-p$page
        # The letter is black and white: an 8-bit grey PNG keeps docs/ small (< 300 KB).
        "$JAVA_HOME/bin/java" test-support/GrayPng.java target/sample-letter-p$page.png docs/sample-letter-p$page.png
    done
    ls -l docs/sample-letter-p1.png docs/sample-letter-p2.png
fi
