// Charts from the answer's Vega-Lite spec, drawn by the vendored vega-embed (loaded on the first chart only,
// since the three libraries weigh about 800 kB).

let libraries;

function script(src) {
  return new Promise((resolve, reject) => {
    const element = Object.assign(document.createElement('script'), { src, async: false });
    element.onload = resolve;
    element.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(element);
  });
}

function load() {
  libraries ??= Promise.all(['vendor/vega.min.js', 'vendor/vega-lite.min.js', 'vendor/vega-embed.min.js'].map(script))
    .then(() => window.vegaEmbed)
    .catch((e) => { libraries = undefined; throw e; });
  return libraries;
}

/** Category labels read level when each has room, and slanted when they would collide. */
function labelAngle(spec, container) {
  const x = spec.encoding?.x;
  if (x?.type !== 'nominal' && x?.type !== 'ordinal') return 0;
  const count = Math.max(1, spec.data?.values?.length ?? 1);
  return container.clientWidth / count >= 90 ? 0 : -40;
}

/** Draws spec into container, sized to the container's width; resolves when drawn. */
export async function drawChart(container, spec, { title }) {
  const embed = await load();
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches;
  const sized = { ...spec, width: 'container', autosize: { type: 'fit-x', contains: 'padding' } };
  sized.description ??= title;
  await embed(container, sized, {
    renderer: 'svg',
    config: { background: 'transparent', axisX: { labelAngle: labelAngle(spec, container), labelLimit: 140 } },
    theme: dark ? 'dark' : undefined,
    actions: { export: true, source: false, compiled: false, editor: false },
    downloadFileName: 'dbchat-chart',
  });
  // vega-embed's menu button is an icon only: give it a name screen readers can say
  container.querySelector('details > summary')?.setAttribute('aria-label', 'Chart actions: save as SVG or PNG');
}
