/* proto.h -- the Plateau wire protocol: versions, limits, frames, messages, views (no I/O) */
#ifndef PROTO_H
#define PROTO_H

#include "proto/frame.h"
#include "proto/msg.h"
#include "proto/view.h"

#endif
