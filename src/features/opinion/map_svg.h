// The opinion map as an SVG picture: each participant a small mark whose
// colour and shape tell the group (A blue circle, B orange square, C green
// triangle, D purple diamond, E red cross: colours of at least 3:1 against
// white, and never colour alone), a lettered disc at each group's centre, and
// a ring with "you" around the viewer. role="img" with a title and a
// description; the page lists the same groups and sizes in a table. Pure;
// thread-safe.
#pragma once

#include <string>

#include "features/opinion/map/opinion_map.h"

namespace wp::opinion {

struct MapSvgText {
  std::string title;        // e.g. "Meningenkaart: 3 groepen"
  std::string description;  // the groups and their sizes in words
  std::string you;          // the label at the viewer's mark, e.g. "u"
};

// The colour of group `g` (hex, "#rrggbb") and its shape name ("circle", ...).
const char* GroupColour(int g);
const char* GroupShape(int g);

// `viewer` is the viewer's participant index in the map's matrix, or -1.
std::string MapSvg(const OpinionMap& map, int viewer, const MapSvgText& text);

}  // namespace wp::opinion
