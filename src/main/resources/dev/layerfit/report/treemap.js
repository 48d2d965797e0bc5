/*
 * layerfit treemap: a zoomable squarified treemap drawn with absolutely positioned divs.
 * Layout: "Squarified Treemaps", Bruls, Huizing and van Wijk (2000) — rows are filled along the shorter side
 * while the worst aspect ratio in the row improves. Reads its data from #layerfit-data; loads nothing.
 */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('layerfit-data').textContent);
  var LIMIT = data.limit;
  var map = document.getElementById('treemap');
  var crumbs = document.getElementById('crumbs');
  var tip = document.getElementById('tip');
  var byId = {};
  var current = data.tree;

  (function index(node, id, parent) {
    node.id = id;
    node.parent = parent;
    byId[id] = node;
    (node.k || []).forEach(function (child, i) { index(child, id + '-' + i, node); });
  })(data.tree, 'r', null);

  function worst(sum, min, max, side) {
    var s2 = sum * sum, side2 = side * side;
    return Math.max(side2 * max / s2, s2 / (side2 * min));
  }

  /* Lays out nodes (largest first, bytes > 0) in the rectangle; returns {node, x, y, w, h} per node. */
  function squarify(nodes, x, y, w, h) {
    var out = [], total = 0, i = 0;
    nodes.forEach(function (n) { total += n.b; });
    if (total <= 0 || w <= 0 || h <= 0) return out;
    var scale = (w * h) / total;
    while (i < nodes.length) {
      var side = Math.min(w, h), start = i, sum = 0, min = Infinity, max = 0, ratio = Infinity;
      while (i < nodes.length) {
        var a = nodes[i].b * scale;
        var r = worst(sum + a, Math.min(min, a), Math.max(max, a), side);
        if (i > start && r > ratio) break;
        sum += a; min = Math.min(min, a); max = Math.max(max, a); ratio = r; i++;
      }
      var thick = sum / side, offset = 0;
      for (var j = start; j < i; j++) {
        var len = nodes[j].b * scale / thick;
        out.push(w >= h ? { node: nodes[j], x: x, y: y + offset, w: thick, h: len }
                        : { node: nodes[j], x: x + offset, y: y, w: len, h: thick });
        offset += len;
      }
      if (w >= h) { x += thick; w -= thick; } else { y += thick; h -= thick; }
    }
    return out;
  }

  function visible(node) {
    return (node.k || []).filter(function (c) { return c.b > 0; })
      .sort(function (a, b) { return b.b - a.b; });
  }

  function fmt(n) { return n.toLocaleString('en-US'); }

  function human(b) {
    if (b >= 1048576) return (b / 1048576).toFixed(1) + ' MiB';
    if (b >= 1024) return (b / 1024).toFixed(1) + ' KiB';
    return b + ' B';
  }

  function box(rect, depth, into) {
    var n = rect.node, el = document.createElement('div');
    el.className = 'box d' + depth + ' c' + n.c + (n.k ? ' parent' : ' leaf')
      + (n.d === 1 ? ' shadowed' : n.d === 3 ? ' shadowed worst' : n.d === 2 ? ' dup' : '');
    el.style.left = rect.x + 'px';
    el.style.top = rect.y + 'px';
    el.style.width = Math.max(rect.w, 0) + 'px';
    el.style.height = Math.max(rect.h, 0) + 'px';
    el.dataset.id = n.id;
    el.dataset.name = n.n;
    el.dataset.bytes = String(n.b);
    el.dataset.depth = String(depth);
    if (rect.w > 36 && rect.h > 14) {
      var label = document.createElement('span');
      label.className = 'label';
      label.textContent = n.n + (rect.w > 110 ? ' · ' + human(n.b) : '');
      el.appendChild(label);
    }
    into.appendChild(el);
    return el;
  }

  function render() {
    map.textContent = '';
    map.dataset.current = current.id;
    map.dataset.currentName = current.n;
    map.dataset.currentBytes = String(current.b);
    squarify(visible(current), 0, 0, map.clientWidth, map.clientHeight).forEach(function (rect) {
      var el = box(rect, 1, map);
      if (rect.node.k && rect.w > 30 && rect.h > 34) {
        squarify(visible(rect.node), 1, 17, rect.w - 6, rect.h - 20).forEach(function (inner) { box(inner, 2, el); });
      }
    });
    renderCrumbs();
  }

  function renderCrumbs() {
    crumbs.textContent = '';
    var chain = [];
    for (var n = current; n; n = n.parent) chain.unshift(n);
    chain.forEach(function (node, i) {
      if (i > 0) {
        var sep = document.createElement('span');
        sep.className = 'sep';
        sep.textContent = '›';
        crumbs.appendChild(sep);
      }
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = node.n + ' (' + human(node.b) + ')';
      b.dataset.id = node.id;
      b.addEventListener('click', function () { zoom(node); });
      crumbs.appendChild(b);
    });
  }

  function zoom(node) {
    current = node;
    if (history.replaceState) history.replaceState(null, '', '#zoom=' + node.id);
    render();
  }

  /* A click zooms into the box under the pointer: an inner box with content of its own goes two levels at once. */
  map.addEventListener('click', function (e) {
    var inner = e.target.closest('.box.d2');
    var node = inner && byId[inner.dataset.id];
    if (!(node && node.k)) {
      var el = e.target.closest('.box.d1');
      node = el && byId[el.dataset.id];
    }
    if (node && node.k) zoom(node);
  });

  document.addEventListener('keydown', function (e) {
    if ((e.key === 'Escape' || e.key === 'Backspace') && current.parent) zoom(current.parent);
  });

  map.addEventListener('mousemove', function (e) {
    var el = e.target.closest('.box');
    if (!el) { tip.hidden = true; return; }
    var n = byId[el.dataset.id], path = [];
    for (var p = n; p && p !== data.tree; p = p.parent) path.unshift(p.n);
    var lines = [fmt(n.b) + ' bytes (' + human(n.b) + '), ' + (100 * n.b / LIMIT).toFixed(2) + '% of the 262,144,000-byte limit'];
    if (n.parent) lines.push((100 * n.b / Math.max(n.parent.b, 1)).toFixed(1) + '% of ' + n.parent.n);
    lines.push((n.k ? 'mostly ' : '') + data.categories[n.c] + (n.f ? ', ' + fmt(n.f) + ' files' : ''));
    if (n.x) lines.push(n.x);
    tip.textContent = '';
    var title = document.createElement('b');
    title.textContent = path.join(' › ');
    tip.appendChild(title);
    lines.forEach(function (line) { tip.appendChild(document.createTextNode(line)); tip.appendChild(document.createElement('br')); });
    tip.hidden = false;
    var x = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = Math.min(e.clientY + 14, window.innerHeight - tip.offsetHeight - 8);
    tip.style.left = Math.max(x, 0) + 'px';
    tip.style.top = Math.max(y, 0) + 'px';
  });
  map.addEventListener('mouseleave', function () { tip.hidden = true; });
  window.addEventListener('resize', render);

  var m = /^#zoom=([\w-]+)$/.exec(location.hash);
  if (m && byId[m[1]]) current = byId[m[1]];
  render();
})();
