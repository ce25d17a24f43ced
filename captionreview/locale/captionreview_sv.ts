<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>ActionHandlers</name>
    <message>
        <source>That was the last cue.</source>
        <translation>Det var den sista undertexten.</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Damaged characters — CaptionReview</source>
        <translation>Skadade tecken — CaptionReview</translation>
    </message>
    <message>
        <source>{name} is {codec}, but some of its bytes are not{where}.</source>
        <translation>{name} är {codec}, men några av dess byte är det inte{where}.</translation>
    </message>
    <message>
        <source>Open it as {codec} with each bad byte shown as �? You can put the right letters there before you save. (Opening it as Windows-1252 or Latin-1 would garble every å, ä and ö.)</source>
        <translation>Öppna den som {codec} med varje felaktig byte visad som �? Du kan skriva rätt bokstäver där innan du sparar. (Att öppna den som Windows-1252 eller Latin-1 skulle förvränga varje å, ä och ö.)</translation>
    </message>
    <message>
        <source>Open as {codec}, bad bytes as �</source>
        <translation>Öppna som {codec}, felaktiga byte som �</translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message>
        <source>1 problem in the file: see the Issues panel (nothing was dropped)</source>
        <translation>1 problem i filen: se panelen Problem (inget togs bort)</translation>
    </message>
    <message>
        <source>{count} problems in the file: see the Issues panel (nothing was dropped)</source>
        <translation>{count} problem i filen: se panelen Problem (inget togs bort)</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <source>Waveform with speech shaded, cue blocks and the playhead. Left and Right select cues; Shift or Ctrl with them move the start or end by 10 ms.</source>
        <translation>Vågform med talet skuggat, undertextblock och spelhuvudet. Vänster- och högerpil väljer undertexter; med Skift eller Ctrl flyttar de början eller slutet 10 ms.</translation>
    </message>
    <message>
        <source>Timeline position</source>
        <translation>Position i tidslinjen</translation>
    </message>
    <message>
        <source>Moved cue %1 and pushed its neighbour</source>
        <translation>Flyttade undertext %1 och knuffade dess granne</translation>
    </message>
    <message>
        <source>Timeline: previous cue</source>
        <translation>Tidslinje: föregående undertext</translation>
    </message>
    <message>
        <source>Timeline: next cue</source>
        <translation>Tidslinje: nästa undertext</translation>
    </message>
    <message>
        <source>Timeline: start 10 ms earlier</source>
        <translation>Tidslinje: början 10 ms tidigare</translation>
    </message>
    <message>
        <source>Timeline: start 10 ms later</source>
        <translation>Tidslinje: början 10 ms senare</translation>
    </message>
    <message>
        <source>Timeline: end 10 ms earlier</source>
        <translation>Tidslinje: slut 10 ms tidigare</translation>
    </message>
    <message>
        <source>Timeline: end 10 ms later</source>
        <translation>Tidslinje: slut 10 ms senare</translation>
    </message>
    <message>
        <source>Timeline: zoom in</source>
        <translation>Tidslinje: zooma in</translation>
    </message>
    <message>
        <source>Timeline: zoom out</source>
        <translation>Tidslinje: zooma ut</translation>
    </message>
    <message>
        <source>Timeline: whole video</source>
        <translation>Tidslinje: hela videon</translation>
    </message>
    <message>
        <source>Works while the timeline has the keyboard focus</source>
        <translation>Fungerar när tidslinjen har tangentbordsfokus</translation>
    </message>
    <message>
        <source>Select a cue first</source>
        <translation>Välj en undertext först</translation>
    </message>
</context>
<context>
    <name>TimelineFeature</name>
    <message>
        <source>Sound analysis progress</source>
        <translation>Förlopp för ljudanalysen</translation>
    </message>
    <message>
        <source>Sound %p%</source>
        <translation>Ljud %p%</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppa</translation>
    </message>
    <message>
        <source>Stop the sound analysis</source>
        <translation>Stoppa ljudanalysen</translation>
    </message>
    <message>
        <source>Stop analysing the sound (the timeline shows cues only)</source>
        <translation>Sluta analysera ljudet (tidslinjen visar bara undertexterna)</translation>
    </message>
    <message>
        <source>Go to the timeline</source>
        <translation>Gå till tidslinjen</translation>
    </message>
    <message>
        <source>Put the keyboard focus on the timeline under the video</source>
        <translation>Flytta tangentbordsfokus till tidslinjen under videon</translation>
    </message>
    <message>
        <source>Snap cue to speech</source>
        <translation>Fäst undertexten vid talet</translation>
    </message>
    <message>
        <source>Move the selected cue&apos;s start and end to the speech edges within 0.5 s</source>
        <translation>Flytta den valda undertextens början och slut till talets kanter inom 0,5 s</translation>
    </message>
    <message>
        <source>Snap all cues to speech…</source>
        <translation>Fäst alla undertexter vid talet…</translation>
    </message>
    <message>
        <source>Preview moving every cue&apos;s edges to the speech edges near them, then apply</source>
        <translation>Förhandsgranska hur varje undertexts kanter flyttas till talets kanter nära dem, och verkställ sedan</translation>
    </message>
    <message>
        <source>Shift all cues by…</source>
        <translation>Flytta alla undertexter…</translation>
    </message>
    <message>
        <source>Preview moving every cue by the same time (the measured offset to the speech)</source>
        <translation>Förhandsgranska hur alla undertexter flyttas lika mycket (den uppmätta förskjutningen mot talet)</translation>
    </message>
    <message>
        <source>Open a caption file first</source>
        <translation>Öppna en undertextfil först</translation>
    </message>
    <message>
        <source>Move every cue by this many milliseconds (negative: earlier):</source>
        <translation>Flytta varje undertext så här många millisekunder (negativt: tidigare):</translation>
    </message>
    <message>
        <source>The speech runs %1 ms from the cues.</source>
        <translation>Talet ligger %1 ms från undertexterna.</translation>
    </message>
    <message>
        <source>Shift all cues</source>
        <translation>Flytta alla undertexter</translation>
    </message>
    <message>
        <source>Shift cues by %1 ms</source>
        <translation>Flytta undertexter %1 ms</translation>
    </message>
    <message>
        <source>Select a cue first</source>
        <translation>Välj en undertext först</translation>
    </message>
    <message>
        <source>Cue %1 not changed: no speech starts or ends near its edges, it is already on them, or a neighbour is in the way</source>
        <translation>Undertext %1 ändrades inte: inget tal börjar eller slutar nära dess kanter, den ligger redan på dem, eller så är en granne i vägen</translation>
    </message>
    <message>
        <source>Cue %1 now runs with the speech: %2 → %3</source>
        <translation>Undertext %1 följer nu talet: %2 → %3</translation>
    </message>
    <message>
        <source>No speech to snap to: open the video and wait for the sound analysis</source>
        <translation>Inget tal att fästa vid: öppna videon och vänta på ljudanalysen</translation>
    </message>
    <message>
        <source>Listening to the sound…</source>
        <translation>Lyssnar på ljudet…</translation>
    </message>
    <message>
        <source>Analysing the sound of %1</source>
        <translation>Analyserar ljudet i %1</translation>
    </message>
    <message>
        <source>Sound analysis stopped: the timeline shows the cues.</source>
        <translation>Ljudanalysen stoppades: tidslinjen visar undertexterna.</translation>
    </message>
    <message>
        <source>No sound to show: %1</source>
        <translation>Inget ljud att visa: %1</translation>
    </message>
    <message>
        <source>No sound analysis (%1); the captions and video work as before.</source>
        <translation>Ingen ljudanalys (%1); undertexterna och videon fungerar som förut.</translation>
    </message>
</context>
</TS>
