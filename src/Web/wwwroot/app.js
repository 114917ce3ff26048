// The page's own scripts: its charts, their polling and the upload's progress. Blazor's enhanced navigation replaces
// the page's content without running scripts again, so everything is set up at the first load and after each enhanced
// load (docs/adr/0012).

// A chart is drawn afresh on each load: the content that carried its data may have been patched in place.
const chartOn = element => {
  echarts.getInstanceByDom(element)?.dispose();
  return echarts.init(element);
};

// The dashboard's chart, drawn with ECharts from the data the page carries, and kept current: every few seconds
// the page asks for the chart's data again, so a project commissioned elsewhere shows without a reload.
const drawTrend = element => {
  const labels = JSON.parse(element.dataset.labels);
  const chart = chartOn(element);
  const numbers = new Intl.NumberFormat(document.documentElement.lang);
  const draw = trend => chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: labels },
    grid: { left: 60, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: trend.years },
    yAxis: { type: 'value', scale: true },
    series: [
      { name: labels[0], type: 'line', smooth: true, data: trend.demand },
      { name: labels[1], type: 'line', step: 'end', data: trend.places },
      { name: labels[2], type: 'bar', data: trend.pipeline, itemStyle: { opacity: 0.6 } },
    ],
  });
  let shown = element.dataset.trend;
  draw(JSON.parse(shown));
  element.dataset.drawn = 'true';
  element.dataset.drawnAt = String(Math.round(performance.now())); // ms since the navigation began, for the benchmark

  // Polling stops once the chart is no longer the page's (another page, or a new load of this one).
  const poll = async () => {
    if (!element.isConnected) chart.dispose(); // an enhanced navigation took the chart's page away
    if (chart.isDisposed()) return;
    try {
      const response = await fetch(element.dataset.live, { headers: { Accept: 'application/json' } });
      if (response.ok && !chart.isDisposed()) {
        const text = await response.text();
        if (text !== shown) {
          shown = text;
          const trend = JSON.parse(text);
          draw(trend);
          document.getElementById('trend-places').textContent = numbers.format(trend.places[trend.places.length - 1] ?? 0);
        }
        document.getElementById('trend-updated').textContent = new Date().toLocaleTimeString(document.documentElement.lang);
      }
    } finally {
      setTimeout(poll, 3000);
    }
  };
  setTimeout(poll, 3000);
};

// Scenarios side by side: each scenario's demand and places as lines.
const drawComparison = element => {
  const data = JSON.parse(element.dataset.compare);
  chartOn(element).setOption({
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll' },
    grid: { left: 60, right: 24, top: 48, bottom: 32 },
    xAxis: { type: 'category', data: data.years },
    yAxis: { type: 'value', scale: true },
    series: data.series.map((s, i) => ({ name: s.name, type: 'line', data: s.data, lineStyle: { type: i % 2 ? 'dashed' : 'solid' } })),
  });
  element.dataset.drawn = 'true';
};

// Uploads show their progress and can be cancelled: a form marked data-progress is sent by XMLHttpRequest, and the
// page the server answers takes this one's place.
const sendWithProgress = form => {
  const status = form.querySelector('.progress');
  const bar = status.querySelector('progress');
  form.addEventListener('submit', event => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action || location.href);
    request.upload.onprogress = e => {
      if (e.lengthComputable) bar.value = bar.dataset.percent = Math.round(100 * e.loaded / e.total);
    };
    request.onload = () => {
      const answer = new DOMParser().parseFromString(request.responseText, 'text/html');
      document.title = answer.title;
      document.body.replaceWith(answer.body);
      setUpPage();
    };
    request.onabort = () => {
      status.hidden = true;
      form.querySelector('.cancelled').hidden = false;
      form.querySelector('button[type=submit]').disabled = false;
    };
    status.querySelector('.cancel').onclick = () => request.abort();
    status.hidden = false;
    form.querySelector('.cancelled').hidden = true;
    bar.value = 0;
    form.querySelector('button[type=submit]').disabled = true;
    request.send(new FormData(form));
  });
};

// A chart is drawn again when its data changed or an enhanced load emptied it; a form is given its handler once.
const setUpPage = () => {
  if (window.echarts)
    document.querySelectorAll('#trend, #compare').forEach(element => {
      const data = element.dataset.trend ?? element.dataset.compare;
      if (element.querySelector('canvas') && element.drawnFrom === data) return;
      element.drawnFrom = data;
      (element.id === 'trend' ? drawTrend : drawComparison)(element);
    });
  document.querySelectorAll('form[data-progress]').forEach(form => {
    if (!form.sendsWithProgress) sendWithProgress(form);
    form.sendsWithProgress = true;
  });
};

window.addEventListener('resize', () =>
  document.querySelectorAll('[data-drawn]').forEach(element => echarts.getInstanceByDom(element)?.resize()));
setUpPage();
window.Blazor?.addEventListener('enhancedload', setUpPage);
