<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DicomImport</name>
    <message numerus="yes">
        <source> %n image(s) may show text burned into the pixels, which de-identification leaves: check them before sharing.</source>
        <translation>
            <numerusform> %n image may show text burned into the pixels, which de-identification leaves: check it before sharing.</numerusform>
            <numerusform> %n images may show text burned into the pixels, which de-identification leaves: check them before sharing.</numerusform>
        </translation>
    </message>
</context>
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
    <name>delineo::ui::LoadNotes</name>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
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
    <message numerus="yes">
        <source>%1 %2 — %n image(s), %3 x %4</source>
        <translation>
            <numerusform>%1 %2 — %n image, %3 x %4</numerusform>
            <numerusform>%1 %2 — %n images, %3 x %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>De-identified %n DICOM file(s) into %1.</source>
        <translation>
            <numerusform>De-identified %n DICOM file into %1.</numerusform>
            <numerusform>De-identified %n DICOM files into %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n DICOM file(s) into %1.</source>
        <translation>
            <numerusform>Copied %n DICOM file into %1.</numerusform>
            <numerusform>Copied %n DICOM files into %1.</numerusform>
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
    <message numerus="yes">
        <source>%n mask(s)</source>
        <translation>
            <numerusform>%n mask</numerusform>
            <numerusform>%n masks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s)</source>
        <translation>
            <numerusform>%n measurement</numerusform>
            <numerusform>%n measurements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::PacsController</name>
    <message numerus="yes">
        <source>Retrieved %1 of %n image(s)</source>
        <translation>
            <numerusform>Retrieved %1 of %n image</numerusform>
            <numerusform>Retrieved %1 of %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %n image(s)</source>
        <translation>
            <numerusform>Retrieved %n image</numerusform>
            <numerusform>Retrieved %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieved and de-identified %n image(s) into %1.</source>
        <translation>
            <numerusform>Retrieved and de-identified %n image into %1.</numerusform>
            <numerusform>Retrieved and de-identified %n images into %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %n image(s) into %1.</source>
        <translation>
            <numerusform>Retrieved %n image into %1.</numerusform>
            <numerusform>Retrieved %n images into %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %n image(s) for the team workspace: every member sees the series in the list and retrieves it on opening.</source>
        <translation>
            <numerusform>Retrieved %n image for the team workspace: every member sees the series in the list and retrieves it on opening.</numerusform>
            <numerusform>Retrieved %n images for the team workspace: every member sees the series in the list and retrieves it on opening.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %1 of %n file(s)</source>
        <translation>
            <numerusform>Sent %1 of %n file</numerusform>
            <numerusform>Sent %1 of %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %1 of %n file(s) to %2.</source>
        <translation>
            <numerusform>Sent %1 of %n file to %2.</numerusform>
            <numerusform>Sent %1 of %n files to %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineo::vm::PreviewController</name>
    <message numerus="yes">
        <source>AI results on %n slice(s) wait as outlines: Ctrl+Enter accepts all, Enter this slice, Esc rejects this slice.</source>
        <translation>
            <numerusform>AI results on %n slice wait as outlines: Ctrl+Enter accepts all, Enter this slice, Esc rejects this slice.</numerusform>
            <numerusform>AI results on %n slices wait as outlines: Ctrl+Enter accepts all, Enter this slice, Esc rejects this slice.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>AI results accepted on %n slice(s) (each undoable on its slice).</source>
        <translation>
            <numerusform>AI results accepted on %n slice (each undoable on its slice).</numerusform>
            <numerusform>AI results accepted on %n slices (each undoable on its slice).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Accept All cancelled: AI results accepted on %1 of %n slice(s); the others still wait.</source>
        <translation>
            <numerusform>Accept All cancelled: AI results accepted on %1 of %n slice; the others still wait.</numerusform>
            <numerusform>Accept All cancelled: AI results accepted on %1 of %n slices; the others still wait.</numerusform>
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
