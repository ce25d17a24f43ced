<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Commands</name>
    <message>
        <source>That was the last cue.</source>
        <translation>Det var den sista undertexten.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
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
</TS>
