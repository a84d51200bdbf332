(function () {
  "use strict";
  var form = document.getElementById("filters");
  var text = document.getElementById("filter-text");
  var verdict = document.getElementById("filter-verdict");
  var source = document.getElementById("filter-source");
  var count = document.getElementById("filter-count");
  var empty = document.getElementById("filter-empty");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#claim-table tbody tr"));

  function fold(value) {
    return value.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ");
  }
  var haystacks = rows.map(function (row) { return fold(row.getAttribute("data-id") + " " + row.textContent); });

  function apply() {
    var words = fold(text.value).trim().split(" ").filter(Boolean);
    var shown = 0;
    rows.forEach(function (row, i) {
      var visible = (!verdict.value || row.getAttribute("data-verdict") === verdict.value)
        && (!source.value || row.getAttribute("data-source") === source.value)
        && words.every(function (word) { return haystacks[i].indexOf(word) !== -1; });
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    count.textContent = shown === rows.length ? rows.length + " claims" : shown + " of " + rows.length + " claims shown";
    empty.hidden = shown !== 0;
  }

  Array.prototype.forEach.call(document.querySelectorAll(".counts a[data-verdict]"), function (link) {
    link.addEventListener("click", function () {
      verdict.value = link.getAttribute("data-verdict");
      apply();
    });
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  [text, verdict, source].forEach(function (control) { control.addEventListener("input", apply); });
  form.hidden = false;
  apply();
}());
