// The interviewer's phone remote. Plain script, no framework: the computer sends the whole picture (a snapshot) over
// server-sent events after every change, and this page only draws it and sends commands. Everything the computer
// sends is put on the page as text, never as HTML.
'use strict';

(function () {
    const $ = (id) => document.getElementById(id);

    const STAGES = {
        WAITING: 'No question asked yet. Spring one or pick from the plan.',
        ASKED: 'Question asked. Start recording when they begin to answer.',
        STARTING: 'Starting the recording…',
        RECORDING: 'Recording. Flag moments as they happen.',
        STOPPING: 'Stopping and saving the take…',
        SCORING: 'Take saved. Score the answer, then move on.',
        ENDED: 'The interview has ended.'
    };
    const CAN_ASK = ['WAITING', 'ASKED', 'SCORING'];

    let events = null;
    let state = null;
    let built = false;
    let shownQuestion = null;
    let shownPlanned = null;
    let lockTimer = null;
    // The score being edited; it follows the computer's copy until the interviewer changes something.
    let draft = {rating: null, rubric: {}};
    let draftDirty = false;

    function show(section) {
        for (const id of ['loading', 'pairing', 'gone', 'console']) {
            $(id).hidden = id !== section;
        }
    }

    function setText(id, text) {
        $(id).textContent = text || '';
    }

    function clock(seconds) {
        const s = Math.floor(seconds);
        return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
    }

    async function post(path, body) {
        const res = await fetch(path, {
            method: 'POST',
            headers: {'Content-Type': 'application/json'},
            body: JSON.stringify(body || {}),
            credentials: 'same-origin',
            cache: 'no-store'
        });
        let data = {};
        try {
            data = await res.json();
        } catch (e) {
            // an answer without a body: the status says enough
        }
        return {ok: res.ok, status: res.status, data: data};
    }

    // ---- pairing ----

    function showPairing(message) {
        disconnect();
        show('pairing');
        setText('pair-error', message);
        $('pair-code').focus();
    }

    function lockedFor(seconds, message) {
        clearInterval(lockTimer);
        let left = seconds;
        $('pair-submit').disabled = true;
        setText('pair-error', message);
        lockTimer = setInterval(function () {
            left -= 1;
            if (left <= 0) {
                clearInterval(lockTimer);
                $('pair-submit').disabled = false;
                setText('pair-error', 'Pairing is open again. Type the code.');
            } else {
                setText('pair-error', 'Too many wrong codes: pairing is locked. Try again in ' + left + ' seconds.');
            }
        }, 1000);
    }

    $('pair-form').addEventListener('submit', async function (e) {
        e.preventDefault();
        const code = $('pair-code').value.replace(/\D/g, '');
        if (code.length !== 6) {
            setText('pair-error', 'The code has 6 digits.');
            return;
        }
        $('pair-submit').disabled = true;
        let locked = false;
        try {
            const r = await post('/api/pair', {code: code});
            if (r.ok) {
                $('pair-code').value = '';
                setText('pair-error', '');
                openConsole();
            } else if (r.status === 429) {
                locked = true;
                lockedFor(r.data.secondsLeft || 60, r.data.error);
            } else {
                setText('pair-error', r.data.error || 'Pairing was refused (' + r.status + ').');
                $('pair-code').select();
            }
        } catch (err) {
            setText('pair-error', 'Could not reach the computer. Is the phone on the same Wi-Fi?');
        } finally {
            if (!locked) {
                $('pair-submit').disabled = false;
            }
        }
    });

    // ---- the live picture ----

    function openConsole() {
        show('console');
        connect();
    }

    function connect() {
        disconnect();
        const es = new EventSource('/api/events');
        events = es;
        // Only the current stream may draw: a replaced one can still deliver what was already under way.
        es.onopen = function () {
            if (es === events) {
                setText('connection', '');
            }
        };
        es.onmessage = function (e) {
            if (es === events) {
                render(JSON.parse(e.data));
            }
        };
        es.addEventListener('closed', function (e) {
            if (es === events) {
                disconnect();
                closed(JSON.parse(e.data).reason);
            }
        });
        es.onerror = function () {
            if (es !== events) {
                return;
            }
            if (es.readyState === EventSource.CLOSED) {
                disconnect();
                closed('The connection to the computer was lost.');
            } else {
                setText('connection', 'Connection lost. Reconnecting…');
            }
        };
    }

    function disconnect() {
        if (events) {
            events.close();
            events = null;
        }
    }

    // The stream ended: if the computer forgot this phone, ask for the code again; otherwise say why.
    async function closed(reason) {
        try {
            const res = await fetch('/api/state', {credentials: 'same-origin', cache: 'no-store'});
            if (res.status === 401) {
                showPairing(reason);
                return;
            }
        } catch (e) {
            // the computer is gone; say why below
        }
        setText('gone-reason', reason);
        show('gone');
    }

    $('reconnect').addEventListener('click', start);

    // ---- commands ----

    async function command(path, body) {
        setText('error', '');
        try {
            const r = await post(path, body);
            if (r.ok) {
                // The answer carries a snapshot too, but only the event stream's are drawn: they come in order,
                // while an answer can arrive after a newer event and would draw the past.
                return true;
            }
            if (r.status === 401) {
                showPairing('The computer no longer knows this phone. Type the code shown there to pair again.');
                return false;
            }
            setText('error', r.data.error || 'The computer refused that (' + r.status + ').');
        } catch (e) {
            setText('error', 'Could not reach the computer. Is the phone on the same Wi-Fi?');
        }
        return false;
    }

    $('spring').addEventListener('click', function () {
        command('/api/spring', {});
    });

    $('take').addEventListener('click', function () {
        command('/api/take', {start: !(state && state.stage === 'RECORDING')});
    });

    for (let i = 1; i <= 6; i++) {
        $('flag-' + i).addEventListener('click', function () {
            command('/api/flag', {kind: this.textContent});
        });
    }

    $('flag-form').addEventListener('submit', async function (e) {
        e.preventDefault();
        const kind = $('flag-custom').value.trim();
        if (!kind) {
            setText('error', 'Type a few words for your flag.');
            return;
        }
        if (await command('/api/flag', {kind: kind})) {
            $('flag-custom').value = '';
        }
    });

    $('followup-form').addEventListener('submit', async function (e) {
        e.preventDefault();
        const text = $('followup-text').value.trim();
        if (!text) {
            setText('error', 'Type the follow-up first.');
            return;
        }
        if (await command('/api/followup', {text: text})) {
            $('followup-text').value = '';
        }
    });

    $('score-save').addEventListener('click', async function () {
        const ok = await command('/api/score', {
            rating: draft.rating,
            rubric: draft.rubric,
            feedback: $('feedback').value
        });
        if (ok) {
            draftDirty = false;
            setText('score-note', 'Saved.');
        }
    });

    $('finish').addEventListener('click', function () {
        command('/api/finish', {});
    });

    $('feedback').addEventListener('input', function () {
        draftDirty = true;
        setText('score-note', '');
    });

    // ---- drawing ----

    // Controls whose labels come from the computer are made once, from the first snapshot.
    function build(s) {
        s.standardFlags.forEach(function (kind, i) {
            setText('flag-' + (i + 1), kind);
        });
        const rubric = $('rubric');
        for (const c of s.criteria) {
            const row = document.createElement('div');
            row.className = 'rubric-row';
            const label = document.createElement('span');
            label.className = 'rubric-label';
            label.textContent = c.label;
            label.title = c.hint;
            row.appendChild(label);
            const scores = document.createElement('div');
            scores.className = 'scores';
            for (let n = 1; n <= 5; n++) {
                const b = document.createElement('button');
                b.type = 'button';
                b.id = 'rubric-' + c.key + '-' + n;
                b.className = 'score';
                b.textContent = String(n);
                b.setAttribute('aria-label', c.label + ' ' + n + ' of 5');
                b.addEventListener('click', function () {
                    if (draft.rubric[c.key] === n) {
                        delete draft.rubric[c.key];
                    } else {
                        draft.rubric[c.key] = n;
                    }
                    draftDirty = true;
                    setText('score-note', '');
                    drawScore();
                });
                scores.appendChild(b);
            }
            row.appendChild(scores);
            rubric.appendChild(row);
        }
        const ratings = $('ratings');
        for (const r of s.ratings) {
            const b = document.createElement('button');
            b.type = 'button';
            b.id = 'rating-' + r.grade;
            b.className = 'rating';
            b.textContent = r.grade + ' ' + r.label;
            b.title = r.meaning;
            b.addEventListener('click', function () {
                draft.rating = draft.rating === r.grade ? null : r.grade;
                draftDirty = true;
                setText('score-note', '');
                drawScore();
            });
            ratings.appendChild(b);
        }
        built = true;
    }

    function render(s) {
        const before = state;
        state = s;
        if (!built) {
            build(s);
        }
        if (s.interviewer || s.candidate) {
            setText('who', (s.interviewer || 'You') + (s.candidate ? ' → ' + s.candidate : ''));
        }
        setText('stage', STAGES[s.stage] + (s.message ? ' ' + s.message : ''));

        const q = s.current;
        setText('question', q ? q.text : 'No question yet.');
        setText('question-category', q ? q.category : '');
        $('notes').hidden = !q;
        // Lists are rebuilt only when their content changes, so a button is never swapped under a finger.
        const questionKey = JSON.stringify(q);
        if (questionKey !== shownQuestion) {
            shownQuestion = questionKey;
            drawNotes(q);
        }
        for (const b of $('suggested').children) {
            b.disabled = s.stage === 'ENDED';
        }

        const recording = s.stage === 'RECORDING';
        const canAsk = CAN_ASK.includes(s.stage);
        $('spring').disabled = !canAsk || s.planned.every(function (p) {
            return p.asked;
        });
        const take = $('take');
        take.disabled = !(recording || (canAsk && q));
        take.textContent = recording ? 'Stop' : s.stage === 'STARTING' ? 'Starting…'
            : s.stage === 'STOPPING' ? 'Stopping…' : s.stage === 'SCORING' ? 'Retake' : 'Start';
        take.classList.toggle('stop', recording);
        for (let i = 1; i <= 6; i++) {
            $('flag-' + i).disabled = !recording;
        }
        $('flags-hint').hidden = recording;
        $('flag-custom').disabled = !recording;
        $('flag-custom-send').disabled = !recording;
        const canFollowUp = !!q && s.stage !== 'ENDED';
        $('followup-text').disabled = !canFollowUp;
        $('followup-send').disabled = !canFollowUp;

        drawLog(s);
        drawPlanned(s, canAsk);

        // A fresh take's score starts from the computer's copy, and follows it until the interviewer edits.
        if (s.stage === 'SCORING' && (!before || before.stage !== 'SCORING' || !draftDirty)) {
            draft = {rating: s.rating, rubric: Object.assign({}, s.rubric)};
            $('feedback').value = s.feedback;
            draftDirty = false;
        }
        if (s.stage !== 'SCORING' && before && before.stage === 'SCORING') {
            setText('score-note', '');
        }
        drawScore();
    }

    function drawNotes(q) {
        const points = $('talking-points');
        points.replaceChildren();
        const suggested = $('suggested');
        suggested.replaceChildren();
        if (!q) {
            return;
        }
        for (const p of q.talkingPoints) {
            const li = document.createElement('li');
            li.textContent = p;
            points.appendChild(li);
        }
        q.followUps.forEach(function (text, i) {
            const b = document.createElement('button');
            b.type = 'button';
            b.id = 'suggested-' + (i + 1);
            b.className = 'suggested';
            b.textContent = text;
            b.addEventListener('click', function () {
                command('/api/followup', {text: text});
            });
            suggested.appendChild(b);
        });
    }

    function drawLog(s) {
        const marks = s.flags.map(function (f) {
            return {at: f.at, text: '⚑ ' + f.kind};
        }).concat(s.followUps.map(function (f) {
            return {at: f.at, text: '↪ ' + f.text};
        })).sort(function (a, b) {
            return a.at - b.at;
        });
        const log = $('take-log');
        log.replaceChildren();
        for (const m of marks) {
            const li = document.createElement('li');
            const time = document.createElement('span');
            time.className = 'time';
            time.textContent = clock(m.at);
            li.appendChild(time);
            li.appendChild(document.createTextNode(' ' + m.text));
            log.appendChild(li);
        }
        $('take-log-empty').hidden = marks.length > 0;
    }

    function drawPlanned(s, canAsk) {
        const list = $('planned');
        const key = JSON.stringify(s.planned);
        if (key !== shownPlanned) {
            shownPlanned = key;
            list.replaceChildren();
            s.planned.forEach(function (p, i) {
                const li = document.createElement('li');
                const b = document.createElement('button');
                b.type = 'button';
                b.id = 'planned-' + (i + 1);
                b.className = 'pick';
                const text = document.createElement('span');
                text.textContent = p.text;
                const meta = document.createElement('span');
                meta.className = 'meta';
                meta.textContent = p.category + (p.asked ? ' · asked' : '');
                b.appendChild(text);
                b.appendChild(meta);
                b.addEventListener('click', function () {
                    command('/api/ask', {id: p.id});
                });
                li.appendChild(b);
                list.appendChild(li);
            });
        }
        s.planned.forEach(function (p, i) {
            const b = $('planned-' + (i + 1));
            b.disabled = !canAsk;
            b.classList.toggle('asked', p.asked);
            b.classList.toggle('current', !!s.current && s.current.id === p.id);
        });
    }

    function drawScore() {
        if (!state) {
            return;
        }
        const scoring = state.stage === 'SCORING';
        $('score-card').classList.toggle('inactive', !scoring);
        $('score-hint').hidden = scoring;
        for (const c of state.criteria) {
            for (let n = 1; n <= 5; n++) {
                const b = $('rubric-' + c.key + '-' + n);
                b.disabled = !scoring;
                b.setAttribute('aria-pressed', String(draft.rubric[c.key] === n));
            }
        }
        for (const r of state.ratings) {
            const b = $('rating-' + r.grade);
            b.disabled = !scoring;
            b.setAttribute('aria-pressed', String(draft.rating === r.grade));
        }
        $('feedback').disabled = !scoring;
        $('score-save').disabled = !scoring;
        $('finish').disabled = !scoring;
    }

    // ---- start: already paired (the cookie survives a reload) or not ----

    async function start() {
        show('loading');
        try {
            const res = await fetch('/api/state', {credentials: 'same-origin', cache: 'no-store'});
            if (res.ok) {
                render(await res.json());
                openConsole();
            } else if (res.status === 401) {
                showPairing('');
            } else {
                setText('gone-reason', 'The computer refused the remote (' + res.status + ').');
                show('gone');
            }
        } catch (e) {
            setText('gone-reason', 'Could not reach the computer. Is the phone on the same Wi-Fi, and the remote on?');
            show('gone');
        }
    }

    start();
})();
