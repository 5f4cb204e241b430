// Draws the Mermaid blocks of the rendered section. mermaid is loaded only on pages that have
// one, from /assets/vendor (no CDN), in strict mode: labels are text, never markup or script.
export async function drawDiagrams(blocks) {
  await loadScript('/assets/vendor/mermaid.min.js');
  const { mermaid } = window;
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'neutral',
    flowchart: { htmlLabels: false },
  });
  let index = 0;
  for (const block of blocks) {
    index += 1;
    const source = block.textContent;
    try {
      const { svg } = await mermaid.render(`diagram-${index}`, source);
      const figure = document.createElement('figure');
      figure.className = 'diagram';
      figure.innerHTML = svg;
      block.replaceWith(figure);
      readableSize(figure.querySelector('svg'), figure);
      const toggle = document.createElement('details');
      toggle.append(
        Object.assign(document.createElement('summary'), { textContent: 'Mermaid source' }),
        Object.assign(document.createElement('pre'), { textContent: source }),
      );
      figure.append(toggle);
    } catch (error) {
      block.classList.add('diagram-error');
      block.before(
        Object.assign(document.createElement('p'), {
          className: 'form-error',
          textContent: `Diagram not drawn: ${error?.message ?? error}`,
        }),
      );
    }
  }
  document.body.dataset.diagrams = 'drawn';
}

/** Diagrams never shrink below this share of their own size: labels stay readable, a wider one scrolls. */
const MIN_SCALE = 0.65;

/** Mermaid scales a diagram down to the column, which leaves a wide flowchart's labels unreadable: shrink it at most to MIN_SCALE. */
function readableSize(svg, figure) {
  const box = svg?.viewBox?.baseVal;
  if (!box?.width) return;
  const width = Math.min(box.width, Math.max(figure.clientWidth - 20, box.width * MIN_SCALE));
  svg.setAttribute('width', String(Math.round(width)));
  svg.setAttribute('height', String(Math.round((width * box.height) / box.width)));
  svg.style.maxWidth = 'none';
}

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}
