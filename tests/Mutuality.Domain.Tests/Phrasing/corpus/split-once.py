# One-time split of the hand-written phrasing corpus (issue 14) into a development and a test part.
# Run once, before any rule was tuned; the output files are checked in and never re-split.
import random, sys, pathlib
pool, old, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
seen_old = {l.split('\t')[-1].strip().lower() for l in old.read_text().splitlines() if l and not l.startswith('#')}
rows, seen = [], set()
for f in sorted(pool.glob('*.txt')):
    label = 'harsh' if f.name.startswith('h') else 'gentle'
    for s in f.read_text().splitlines():
        s = s.strip()
        key = s.lower()
        if not s or key in seen or key in seen_old:
            continue
        seen.add(key)
        rows.append((label, s))
rng = random.Random(14)
dev, test = [], []
for label in ('harsh', 'gentle'):
    part = [r for r in rows if r[0] == label]
    rng.shuffle(part)
    cut = round(len(part) * 0.6)
    dev += part[:cut]; test += part[cut:]
rng.shuffle(dev); rng.shuffle(test)
head = "# Gentle phrasing corpus (issue 14), written by hand for Mutuality. label<TAB>sentence.\n# Split once with seed 14 (60% development, 40% test) before any rule was tuned. See docs/phrasing.md.\n"
(out / 'dev.tsv').write_text(head + ''.join(f"{l}\t{s}\n" for l, s in dev))
(out / 'test.tsv').write_text(head + ''.join(f"{l}\t{s}\n" for l, s in test))
for n, p in (('dev', dev), ('test', test)):
    print(n, len(p), sum(1 for r in p if r[0] == 'harsh'), sum(1 for r in p if r[0] == 'gentle'))
