// The review page's only script (CSP: scripts from this origin only, nothing inline).
import { wireAmendForm } from './amend-form.js';
import { wireDecisionForm } from './decision-form.js';
import { drawDiagrams } from './diagrams.js';
import { wireEditPanel } from './edit-panel.js';
import { followRun } from './live-refresh.js';
import { wireReopenForm } from './reopen-form.js';

const form = document.getElementById('decision-form');
if (form) wireDecisionForm(form);
const reopen = document.getElementById('reopen-form');
if (reopen) wireReopenForm(reopen);
const amend = document.getElementById('amend-form');
if (amend) wireAmendForm(amend);
const editor = document.getElementById('edit-panel');
if (editor) wireEditPanel(editor);
const blocks = [...document.querySelectorAll('pre.mermaid')];
if (blocks.length) drawDiagrams(blocks);
else document.body.dataset.diagrams = 'none';
if (document.body.dataset.live === 'true') followRun(document.body);
