#pragma once
#include "delineo/core/Workspace.h"
#include "delineo/core/WorkspaceIO.h"

#include <cstdint>
#include <string>

namespace delineo::core {

// The workspace database is the one store of masks. Mask files put into WS/masks/ by hand (or
// left by older versions) are adopted by this function, which the GUI and the CLI both reach
// through planFineTune: WS/masks/NAME.png for the frame NAME.* in the workspace folder, and
// WS/masks/NAME/slice_NNNN.png for slice NNNN (1-based) of a stored image whose name is NAME.
// A file becomes its slice's first corrected revision only when the database holds none for that
// slice; files that cannot be read or do not fit their image are listed in `failed`.
TransferReport adoptMaskFiles(Workspace& ws, int numForeground);

// A weights file from elsewhere becomes a model version of the workspace: the file and its
// sidecar are copied into WS/models/NAME.pt and the version stores that path relative to the
// workspace, so the folder can move. Figures measured elsewhere are kept as its source metrics.
std::int64_t addModelFile(Workspace& ws, const std::string& weights, const std::string& name = {});
// The copy step alone: WS/models/STEM.pt and its sidecar; returns the path relative to the workspace.
std::string copyModelFile(const Workspace& ws, const std::string& weights, const std::string& stem);

} // namespace delineo::core
