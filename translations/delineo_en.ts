<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Translations</name>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; corrected or approved slice(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; corrected or approved slice</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; corrected or approved slices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; image(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; image</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::ui::FineTuneDialog</name>
    <message numerus="yes">
        <source>%n class(es)</source>
        <translation>
            <numerusform>%n class</numerusform>
            <numerusform>%n classes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::ui::PacsDialog</name>
    <message numerus="yes">
        <source>Sending %n file(s)…</source>
        <translation>
            <numerusform>Sending %n file…</numerusform>
            <numerusform>Sending %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies) found.</source>
        <translation>
            <numerusform>%n study found.</numerusform>
            <numerusform>%n studies found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::AssistController</name>
    <message numerus="yes">
        <source>Propagated to %n frame(s), each waiting as a preview: Ctrl+Enter accepts all (one undo step per frame), Enter or Esc decides one.</source>
        <translation>
            <numerusform>Propagated to %n frame, each waiting as a preview: Ctrl+Enter accepts all (one undo step per frame), Enter or Esc decides one.</numerusform>
            <numerusform>Propagated to %n frames, each waiting as a preview: Ctrl+Enter accepts all (one undo step per frame), Enter or Esc decides one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::DocumentController</name>
    <message numerus="yes">
        <source>The %n picture(s) in this folder, as a workspace</source>
        <translation>
            <numerusform>The %n picture in this folder, as a workspace</numerusform>
            <numerusform>The %n pictures in this folder, as a workspace</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::ExportController</name>
    <message numerus="yes">
        <source>%n file(s) failed:</source>
        <translation>
            <numerusform>%n file failed:</numerusform>
            <numerusform>%n files failed:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::ReviewController</name>
    <message numerus="yes">
        <source>Saved %n slice(s) to the workspace store in %1</source>
        <translation>
            <numerusform>Saved %n slice to the workspace store in %1</numerusform>
            <numerusform>Saved %n slices to the workspace store in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) show masks stored for this folder before its series were kept apart: check that they belong to this series; an edit keeps them with it.</source>
        <translation>
            <numerusform>%n slice shows masks stored for this folder before its series were kept apart: check that it belongs to this series; an edit keeps it with the series.</numerusform>
            <numerusform>%n slices show masks stored for this folder before its series were kept apart: check that they belong to this series; an edit keeps them with it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 is editing this case (for %n more minute(s)): your edits are kept as your own revisions beside theirs.</source>
        <translation>
            <numerusform>%1 is editing this case (for %n more minute): your edits are kept as your own revisions beside theirs.</numerusform>
            <numerusform>%1 is editing this case (for %n more minutes): your edits are kept as your own revisions beside theirs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 saved a newer mask of %n slice(s); it is shown (Ctrl+Z undoes).</source>
        <translation>
            <numerusform>%1 saved a newer mask of %n slice; it is shown (Ctrl+Z undoes).</numerusform>
            <numerusform>%1 saved a newer mask of %n slices; it is shown (Ctrl+Z undoes).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Consensus (%1) of %2 stored for %n slice(s); each member&apos;s own mask stays in the history.</source>
        <translation>
            <numerusform>Consensus (%1) of %2 stored for %n slice; each member&apos;s own mask stays in the history.</numerusform>
            <numerusform>Consensus (%1) of %2 stored for %n slices; each member&apos;s own mask stays in the history.</numerusform>
        </translation>
    </message>
</context>
</TS>
